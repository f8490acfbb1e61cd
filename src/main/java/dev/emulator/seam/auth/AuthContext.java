package dev.emulator.seam.auth;

/**
 * Who is calling, once authenticated. Every variant but {@link AdminAuth} names the
 * workspace every read and write is scoped to.
 */
public sealed interface AuthContext permits ApiKeyAuth, PersonalAccessTokenAuth, ConsoleSessionAuth, ClientSessionAuth,
		PublishableKeyAuth, AdminAuth {

	/**
	 * The workspace the caller acts in; {@code null} for {@link AdminAuth}, which belongs
	 * to no workspace (only the {@code /_admin/*} routes accept it, and they take
	 * workspace ids as parameters), and for a personal access token or console session
	 * sent without {@code seam-workspace} (only routes about no one workspace accept
	 * those). A query given this null matches nothing; logs and metrics should show it as
	 * absent.
	 */
	String workspaceId();

	AuthMethod method();

}
