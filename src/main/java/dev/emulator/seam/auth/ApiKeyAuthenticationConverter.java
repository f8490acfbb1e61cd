package dev.emulator.seam.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A bearer token that is none of Seam's other kinds is an API key (BEHAVIOUR 2.2): not a
 * client session token ({@code seam_cst}), personal access token ({@code seam_at}),
 * publishable key ({@code seam_pk}) or console JWT ({@code ey...}). Returns {@code null}
 * for those and when there is no bearer token.
 */
public final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		String token = BearerTokens.read(request);
		if (token == null || token.startsWith("seam_cst") || token.startsWith("seam_at") || token.startsWith("seam_pk")
				|| token.startsWith("ey")) {
			return null;
		}
		return new SeamAuthenticationToken(AuthMethod.API_KEY, token, null);
	}

}
