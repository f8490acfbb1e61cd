package dev.emulator.seam.clientsession;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The public {@code client_session} object (BEHAVIOUR 6.1): {@code user_identifier_key}
 * is always present (null when unset); {@code user_identity_id} and {@code customer_key}
 * are omitted when unset; no internal field appears.
 */
public record ClientSessionView(String clientSessionId, String workspaceId, Instant createdAt, Instant expiresAt,
		String token, String userIdentifierKey, long deviceCount, List<String> connectedAccountIds,
		List<String> connectWebviewIds, List<String> userIdentityIds,
		@JsonInclude(JsonInclude.Include.NON_NULL) String userIdentityId,
		@JsonInclude(JsonInclude.Include.NON_NULL) String customerKey) {

}
