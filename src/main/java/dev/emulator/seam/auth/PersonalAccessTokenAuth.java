package dev.emulator.seam.auth;

/** A personal access token with {@code seam-workspace}: a member of that workspace, with API-key rights in it. */
public record PersonalAccessTokenAuth(String workspaceId, String userId, String accessTokenId) implements AuthContext {

	@Override
	public AuthMethod method() {
		return AuthMethod.PERSONAL_ACCESS_TOKEN;
	}

}
