package dev.emulator.seam.auth;

/**
 * Who is calling, once authenticated. Every variant names the workspace every read and write is scoped to.
 */
public sealed interface AuthContext
		permits ApiKeyAuth, PersonalAccessTokenAuth, ClientSessionAuth, PublishableKeyAuth {

	String workspaceId();

	AuthMethod method();

}
