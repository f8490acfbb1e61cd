package dev.emulator.seam.auth;

/** The kinds of credential Seam routes list in their security requirements (CONTRACT 2.1). */
public enum AuthMethod {

	API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION, PUBLISHABLE_KEY

}
