package dev.emulator.seam.auth;

import dev.emulator.seam.auth.CredentialStore.ApiKeyIdentity;
import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks an API key by the SHA-256 of its token (BEHAVIOUR 2.3): 401 {@code unauthorized}
 * when it is unknown ("API Key not found") or revoked ("API Key revoked"). An unknown key
 * that is this server's admin token is told where that token goes.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final CredentialStore workspaces;

	private final String adminTokenHash;

	/**
	 * @param adminToken the configured admin token; null or empty when there is none
	 */
	ApiKeyAuthenticationProvider(CredentialStore workspaces, String adminToken) {
		this.workspaces = workspaces;
		this.adminTokenHash = (adminToken == null || adminToken.isEmpty()) ? null : Hashes.sha256Hex(adminToken);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SeamAuthenticationToken request = (SeamAuthenticationToken) authentication;
		if (request.getMethod() != AuthMethod.API_KEY) {
			return null;
		}
		ApiKeyIdentity key = this.workspaces.findApiKey(request.getCredentials())
			.orElseThrow(() -> failure(notFoundMessage(request.getCredentials())));
		if (key.revoked()) {
			throw failure("API Key revoked: this key was revoked or rotated out; use a current key of the workspace");
		}
		return new SeamAuthenticationToken(new ApiKeyAuth(key.workspaceId(), key.apiKeyId()));
	}

	private String notFoundMessage(String token) {
		if (this.adminTokenHash != null && Hashes.matches(token, this.adminTokenHash)) {
			return "API Key not found. This is the admin token: it goes in the "
					+ AdminTokenAuthenticationConverter.HEADER + " header, and opens /_admin/* only";
		}
		return "API Key not found";
	}

	private static SeamAuthenticationException failure(String message) {
		return new SeamAuthenticationException(AuthMethod.API_KEY,
				ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, message));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SeamAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
