package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Seam's managed {@code access_code}: every member its OpenAPI requires is present
 * ({@code errors}, {@code warnings} and {@code pending_mutations} empty: this server has
 * none to report).
 */
public record AccessCodeView(String accessCodeId, String workspaceId, String deviceId, String name, String code,
		String type, String status, Instant startsAt, Instant endsAt, String commonCodeKey, Instant createdAt,
		boolean isManaged, boolean isOneTimeUse, boolean isExternalModificationAllowed, boolean isOfflineAccessCode,
		boolean isBackupAccessCodeAvailable, List<Object> errors, List<Object> warnings, List<Object> pendingMutations,
		@JsonIgnore String connectedAccountId) {

}
