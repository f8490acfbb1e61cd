package dev.emulator.seam.auth;

/**
 * The kinds of credential Seam routes list in their security requirements (CONTRACT 2.1), and this server's own admin
 * credential, which only the {@code /_admin/*} routes accept.
 */
public enum AuthMethod {

	API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION, PUBLISHABLE_KEY, ADMIN

}
