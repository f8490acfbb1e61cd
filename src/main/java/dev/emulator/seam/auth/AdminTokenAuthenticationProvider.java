package dev.emulator.seam.auth;

import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks the admin token against the configured one, comparing SHA-256 digests in
 * constant time ({@link Hashes#matches}). A wrong token, or any token when none is
 * configured: 401 {@code unauthorized}.
 */
public final class AdminTokenAuthenticationProvider implements AuthenticationProvider {

	private final String adminTokenHash;

	/**
	 * @param adminToken the configured token; null or empty when the admin routes are off
	 */
	public AdminTokenAuthenticationProvider(String adminToken) {
		this.adminTokenHash = (adminToken == null || adminToken.isEmpty()) ? null : Hashes.sha256Hex(adminToken);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SeamAuthenticationToken request = (SeamAuthenticationToken) authentication;
		if (request.getMethod() != AuthMethod.ADMIN) {
			return null;
		}
		if (this.adminTokenHash == null || !Hashes.matches(request.getCredentials(), this.adminTokenHash)) {
			throw new SeamAuthenticationException(AuthMethod.ADMIN,
					ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, "Admin token is not valid"));
		}
		return new SeamAuthenticationToken(new AdminAuth());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SeamAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
