package dev.emulator.seam.auth;

/**
 * A console session token (the JWT Seam's console signs in with): a user, and with
 * {@code seam-workspace} a member of that workspace with API-key rights in it.
 * {@code workspaceId} is {@code null} without the header.
 */
public record ConsoleSessionAuth(String workspaceId, String userId, String userSessionId) implements AuthContext {

	@Override
	public AuthMethod method() {
		return (this.workspaceId != null) ? AuthMethod.CONSOLE_SESSION : AuthMethod.CONSOLE_SESSION_WITHOUT_WORKSPACE;
	}

}
