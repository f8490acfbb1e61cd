package dev.emulator.seam.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The admin token in its own header, {@code seam-admin-token}, never as a bearer token:
 * whatever is in {@code Authorization} stays a Seam credential (BEHAVIOUR 2.2), and an
 * admin token can never be taken for an API key or the other way round. Browsers cannot
 * send it cross-origin (CORS does not allow the header). Returns {@code null} when the
 * header is absent.
 */
public final class AdminTokenAuthenticationConverter implements AuthenticationConverter {

	public static final String HEADER = "seam-admin-token";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String token = request.getHeader(HEADER);
		return (token != null) ? new SeamAuthenticationToken(AuthMethod.ADMIN, token, null) : null;
	}

}
