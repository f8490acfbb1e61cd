package dev.emulator.seam.auth;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.auth.CredentialStore.AccessTokenOwner;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks a personal access token whole (its long part by SHA-256, its short part and
 * prefix as stored) and, with {@code seam-workspace}, that its user is a member of that
 * workspace. Every failure is 401 {@code unauthorized}.
 */
final class PersonalAccessTokenAuthenticationProvider implements AuthenticationProvider {

	private final CredentialStore workspaces;

	PersonalAccessTokenAuthenticationProvider(CredentialStore workspaces) {
		this.workspaces = workspaces;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SeamAuthenticationToken request = (SeamAuthenticationToken) authentication;
		if (request.getMethod() != AuthMethod.PERSONAL_ACCESS_TOKEN) {
			return null;
		}
		String workspaceId = request.getQualifier();
		AccessTokenOwner owner = this.workspaces.findAccessTokenOwner(request.getCredentials())
			.filter((found) -> workspaceId == null || this.workspaces.workspaceExists(workspaceId))
			.orElseThrow(() -> failure(workspaceId, "Access token not found"));
		if (workspaceId != null && !this.workspaces.isMember(owner.userId(), workspaceId)) {
			throw failure(workspaceId, "User does not have access to this workspace");
		}
		return new SeamAuthenticationToken(
				new PersonalAccessTokenAuth(workspaceId, owner.userId(), owner.accessTokenId()));
	}

	private static SeamAuthenticationException failure(String workspaceId, String message) {
		AuthMethod kind = (workspaceId != null) ? AuthMethod.PERSONAL_ACCESS_TOKEN
				: AuthMethod.PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE;
		return new SeamAuthenticationException(kind, ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, message));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SeamAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
