package dev.emulator.seam.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Reads the bearer token of {@code Authorization}. The scheme is matched without regard
 * to case ({@code bearer}, {@code BEARER}): HTTP authentication schemes are
 * case-insensitive (RFC 9110, 11.1), and clients that lower-case it otherwise get a 401
 * that does not say why (BEHAVIOUR 2.2).
 */
final class BearerTokens {

	private static final String SCHEME = "Bearer ";

	private BearerTokens() {
	}

	static String read(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !hasBearerScheme(header)) {
			return null;
		}
		String token = header.substring(SCHEME.length()).trim();
		return token.isEmpty() ? null : token;
	}

	/** Whether the header's value starts with the Bearer scheme and a space. */
	static boolean hasBearerScheme(String header) {
		return header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
	}

}
