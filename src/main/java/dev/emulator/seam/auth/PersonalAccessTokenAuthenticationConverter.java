package dev.emulator.seam.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A bearer token starting {@code seam_at} together with a non-empty {@code seam-workspace} header. Without the header
 * the method does not apply, and the request ends as unauthenticated (CONTRACT 2.2).
 */
public final class PersonalAccessTokenAuthenticationConverter implements AuthenticationConverter {

	static final String WORKSPACE_HEADER = "seam-workspace";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String bearer = BearerTokens.read(request);
		String workspace = request.getHeader(WORKSPACE_HEADER);
		if (bearer == null || !bearer.startsWith("seam_at") || workspace == null || workspace.isBlank()) {
			return null;
		}
		return new SeamAuthenticationToken(AuthMethod.PERSONAL_ACCESS_TOKEN, bearer, workspace.trim());
	}

}
