package dev.emulator.seam.auth;

/**
 * The operator, authenticated by the configured admin token ({@code SEAM_ADMIN_TOKEN}):
 * may provision workspaces and their credentials through the {@code /_admin/*} routes and
 * nothing else. Belongs to no workspace.
 */
public record AdminAuth() implements AuthContext {

	@Override
	public String workspaceId() {
		return null;
	}

	@Override
	public AuthMethod method() {
		return AuthMethod.ADMIN;
	}

}
