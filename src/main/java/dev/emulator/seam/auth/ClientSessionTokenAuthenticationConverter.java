package dev.emulator.seam.auth;

import jakarta.servlet.http.HttpServletRequest;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client session token in {@code seam-client-session-token},
 * {@code client-session-token} or as a bearer token starting {@code seam_cst} (BEHAVIOUR
 * 2.2). The headers win over {@code Authorization}: Seam's fake reads them first, and the
 * SDK sends the same token in both.
 */
public final class ClientSessionTokenAuthenticationConverter implements AuthenticationConverter {

	private static final String[] HEADERS = { "seam-client-session-token", "client-session-token" };

	@Override
	public Authentication convert(HttpServletRequest request) {
		for (String header : HEADERS) {
			String value = request.getHeader(header);
			if (value != null) {
				// fake-seam-connect with-client-session.ts: a non-seam_cst value in the
				// header is 400, not 401.
				if (!value.startsWith("seam_cst")) {
					throw new SeamAuthenticationException(AuthMethod.CLIENT_SESSION, ApiException
						.badRequest(ErrorTypes.INVALID_CLIENT_SESSION_TOKEN, "Invalid client session token"));
				}
				return new SeamAuthenticationToken(AuthMethod.CLIENT_SESSION, value, null);
			}
		}
		String bearer = BearerTokens.read(request);
		if (bearer != null && bearer.startsWith("seam_cst")) {
			return new SeamAuthenticationToken(AuthMethod.CLIENT_SESSION, bearer, null);
		}
		return null;
	}

}
