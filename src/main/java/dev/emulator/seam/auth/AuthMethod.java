package dev.emulator.seam.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of credential Seam routes list in their security requirements, and this
 * server's own admin credential, which only the {@code /_admin/*} routes accept. A
 * personal access token or console session sent without {@code seam-workspace} is a kind
 * of its own: only the few routes that are not about one workspace accept it.
 */
public enum AuthMethod {

	API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION, PUBLISHABLE_KEY, ADMIN,

	/**
	 * A console session token (a JWT) with {@code seam-workspace}: a member of that
	 * workspace.
	 */
	CONSOLE_SESSION,

	/** A console session token without {@code seam-workspace}. */
	CONSOLE_SESSION_WITHOUT_WORKSPACE,

	/** A personal access token without {@code seam-workspace}. */
	PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE;

	/**
	 * The credential kinds a route accepts: those it declares and, wherever it takes a
	 * personal access token with a workspace, a console session with one too (Seam lists
	 * the two together on every route).
	 */
	public static Set<AuthMethod> acceptedBy(SeamRoute route) {
		Set<AuthMethod> accepted = EnumSet.noneOf(AuthMethod.class);
		accepted.addAll(java.util.Arrays.asList(route.auth()));
		if (accepted.contains(PERSONAL_ACCESS_TOKEN)) {
			accepted.add(CONSOLE_SESSION);
		}
		return accepted;
	}

}
