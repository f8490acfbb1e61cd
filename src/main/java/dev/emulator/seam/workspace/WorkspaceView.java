package dev.emulator.seam.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * The public {@code workspace} object (BEHAVIOUR 6.2). {@code connect_partner_name} and
 * {@code organization_id} are always present, null when unset (Seam's fake omits the
 * latter; OAS requires it).
 *
 * @param connectWebviewCustomization the stored jsonb object, written out as it is
 */
record WorkspaceView(String workspaceId, String name, String companyName, boolean isSandbox, boolean isSuspended,
		boolean isPublishableKeyAuthEnabled, String connectPartnerName, String organizationId,
		@JsonRawValue String connectWebviewCustomization,
		@JsonInclude(JsonInclude.Include.NON_NULL) String publishableKey) {

}
