package dev.emulator.seam.auth;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.auth.CredentialStore.AccessTokenOwner;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks a personal access token by the SHA-256 of its long part (after the last {@code _}, as Seam's token format
 * versions the rest) and that its user is a member of the {@code seam-workspace} workspace. Every failure is 401
 * {@code unauthorized}.
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
			.filter((found) -> this.workspaces.workspaceExists(workspaceId))
			.orElseThrow(() -> failure("Access token not found"));
		if (!this.workspaces.isMember(owner.userId(), workspaceId)) {
			throw failure("User does not have access to this workspace");
		}
		return new SeamAuthenticationToken(
				new PersonalAccessTokenAuth(workspaceId, owner.userId(), owner.accessTokenId()));
	}

	private static SeamAuthenticationException failure(String message) {
		return new SeamAuthenticationException(AuthMethod.PERSONAL_ACCESS_TOKEN, ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, message));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SeamAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
