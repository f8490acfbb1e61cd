package dev.emulator.seam.auth;

/**
 * A workspace's publishable key with a user identifier key: may only create or obtain an
 * empty session for that user.
 */
public record PublishableKeyAuth(String workspaceId, String userIdentifierKey) implements AuthContext {

	@Override
	public AuthMethod method() {
		return AuthMethod.PUBLISHABLE_KEY;
	}

}
