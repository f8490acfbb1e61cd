package dev.emulator.seam.connectedaccount;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * The public {@code connected_account} object (BEHAVIOUR 6.3): every member OAS requires
 * is always present; {@code user_identifier} and {@code customer_key} only when set.
 * {@code account_type} is the provider; {@code workspace_id} is not in OAS but Seam's
 * fake emits it and clients may read it.
 */
record ConnectedAccountView(String connectedAccountId, String workspaceId, Instant createdAt, String accountType,
		String accountTypeDisplayName, String displayName,
		@JsonInclude(JsonInclude.Include.NON_NULL) JsonNode userIdentifier, JsonNode customMetadata,
		boolean automaticallyManageNewDevices, List<String> acceptedCapabilities, List<Object> errors,
		List<Object> warnings, @JsonInclude(JsonInclude.Include.NON_NULL) String customerKey) {

}
