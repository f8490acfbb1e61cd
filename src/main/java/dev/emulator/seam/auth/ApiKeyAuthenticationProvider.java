package dev.emulator.seam.auth;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks an API key by the SHA-256 of its token. Unknown or revoked: 401
 * {@code unauthorized} "API Key not found".
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final CredentialStore workspaces;

	ApiKeyAuthenticationProvider(CredentialStore workspaces) {
		this.workspaces = workspaces;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SeamAuthenticationToken request = (SeamAuthenticationToken) authentication;
		if (request.getMethod() != AuthMethod.API_KEY) {
			return null;
		}
		return this.workspaces.findApiKey(request.getCredentials())
			.map((key) -> new SeamAuthenticationToken(new ApiKeyAuth(key.workspaceId(), key.apiKeyId())))
			.orElseThrow(() -> new SeamAuthenticationException(AuthMethod.API_KEY,
					ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, "API Key not found")));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SeamAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
