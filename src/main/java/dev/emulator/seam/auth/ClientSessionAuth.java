package dev.emulator.seam.auth;

import java.util.List;

/**
 * A live client session's token: sees only what the session owns (BEHAVIOUR 4.1), as it
 * stood when this request was authenticated.
 */
public record ClientSessionAuth(String workspaceId, String clientSessionId, String userIdentifierKey,
		List<String> connectedAccountIds, List<String> connectWebviewIds,
		String userIdentityId) implements AuthContext {

	public ClientSessionAuth {
		connectedAccountIds = List.copyOf(connectedAccountIds);
		connectWebviewIds = List.copyOf(connectWebviewIds);
	}

	@Override
	public AuthMethod method() {
		return AuthMethod.CLIENT_SESSION;
	}

}
