package dev.emulator.seam.auth;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks a console session token as Seam's fake does: an HS256 JWT whose {@code user_id}
 * and {@code key} claims name a stored user session, signed with the configured secret;
 * with {@code seam-workspace}, the user must be a member of that workspace. Unlike the
 * fake, a bad signature is 401 {@code unauthorized}, not 500. Every failure is 401.
 */
final class ConsoleSessionAuthenticationProvider implements AuthenticationProvider {

	private final CredentialStore store;

	private final MACVerifier verifier;

	private final Clock clock;

	/**
	 * {@code secret} {@code null}: console sessions are off and every such token is
	 * refused.
	 */
	ConsoleSessionAuthenticationProvider(CredentialStore store, String secret, Clock clock) {
		this.store = store;
		this.clock = clock;
		this.verifier = (secret != null) ? verifier(secret) : null;
	}

	private static MACVerifier verifier(String secret) {
		// Seam's fake signs with "secret", shorter than the 256 bits the library insists
		// on. HMAC pads a key with zero bytes to its 64-byte block, so the key padded
		// with zeros to 32 bytes gives the very same signatures.
		byte[] key = secret.getBytes(StandardCharsets.UTF_8);
		try {
			return new MACVerifier((key.length >= 32) ? key : Arrays.copyOf(key, 32));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Unusable console session secret", ex);
		}
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SeamAuthenticationToken request = (SeamAuthenticationToken) authentication;
		if (request.getMethod() != AuthMethod.CONSOLE_SESSION) {
			return null;
		}
		String workspaceId = request.getQualifier();
		AuthMethod kind = (workspaceId != null) ? AuthMethod.CONSOLE_SESSION
				: AuthMethod.CONSOLE_SESSION_WITHOUT_WORKSPACE;
		JWTClaimsSet claims = verifiedClaims(kind, request.getCredentials());
		String userId = stringClaim(kind, claims, "user_id");
		String key = stringClaim(kind, claims, "key");
		String userSessionId = this.store.findUserSession(userId, key)
			.orElseThrow(() -> failure(kind, "Session not found"));
		if (workspaceId != null && !this.store.isMember(userId, workspaceId)) {
			throw failure(kind, "User does not have access to this workspace");
		}
		return new SeamAuthenticationToken(new ConsoleSessionAuth(workspaceId, userId, userSessionId));
	}

	private JWTClaimsSet verifiedClaims(AuthMethod kind, String token) {
		if (this.verifier == null) {
			throw failure(kind, "Console session tokens are not accepted by this server");
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(this.verifier)) {
				throw failure(kind, "Invalid console session token");
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (claims.getExpirationTime() != null
					&& claims.getExpirationTime().toInstant().isBefore(this.clock.instant())) {
				throw failure(kind, "Console session token expired");
			}
			return claims;
		}
		catch (ParseException | JOSEException ex) {
			throw failure(kind, "Invalid console session token");
		}
	}

	private static String stringClaim(AuthMethod kind, JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		if (!(value instanceof String text) || text.isEmpty()) {
			throw failure(kind, "Invalid console session token");
		}
		return text;
	}

	private static SeamAuthenticationException failure(AuthMethod kind, String message) {
		return new SeamAuthenticationException(kind, ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, message));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SeamAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
