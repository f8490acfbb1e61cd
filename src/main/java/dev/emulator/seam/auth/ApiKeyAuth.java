package dev.emulator.seam.auth;

/** An API key: full access to its workspace. */
public record ApiKeyAuth(String workspaceId, String apiKeyId) implements AuthContext {

	@Override
	public AuthMethod method() {
		return AuthMethod.API_KEY;
	}

}
