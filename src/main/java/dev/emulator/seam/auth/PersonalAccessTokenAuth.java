package dev.emulator.seam.auth;

/**
 * A personal access token. With {@code seam-workspace}: a member of that workspace, with
 * API-key rights in it; without it ({@code workspaceId} is {@code null}) only the user,
 * for the routes that are not about one workspace.
 */
public record PersonalAccessTokenAuth(String workspaceId, String userId, String accessTokenId) implements AuthContext {

	@Override
	public AuthMethod method() {
		return (this.workspaceId != null) ? AuthMethod.PERSONAL_ACCESS_TOKEN
				: AuthMethod.PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE;
	}

}
