package dev.emulator.seam.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Reads the bearer token; Seam splits on the literal {@code "Bearer "} (case-sensitive),
 * and so does this.
 */
final class BearerTokens {

	private static final String PREFIX = "Bearer ";

	private BearerTokens() {
	}

	static String read(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.startsWith(PREFIX)) {
			return null;
		}
		String token = header.substring(PREFIX.length()).trim();
		return token.isEmpty() ? null : token;
	}

}
