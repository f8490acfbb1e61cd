package dev.emulator.seam.useridentity;

import java.time.Instant;
import java.util.List;

/**
 * The public {@code user_identity} object (BEHAVIOUR 6.5): every member is always
 * present, the nullable ones as null. This server links no access-system users and
 * reports no errors or warnings, so those arrays are empty.
 */
record UserIdentityView(String userIdentityId, String userIdentityKey, String emailAddress, String phoneNumber,
		String displayName, String fullName, Instant createdAt, String workspaceId, List<Object> errors,
		List<Object> warnings, List<String> acsUserIds) {

	static UserIdentityView of(String id, String key, String email, String phone, String displayName, String fullName,
			Instant createdAt, String workspaceId) {
		return new UserIdentityView(id, key, email, phone, displayName, fullName, createdAt, workspaceId, List.of(),
				List.of(), List.of());
	}

}
