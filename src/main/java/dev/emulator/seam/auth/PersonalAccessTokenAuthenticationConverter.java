package dev.emulator.seam.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A bearer token starting {@code seam_at}, with the {@code seam-workspace} header when it
 * is present and not blank. Without the header it is a personal access token without
 * workspace, which only a few routes accept.
 */
public final class PersonalAccessTokenAuthenticationConverter implements AuthenticationConverter {

	static final String WORKSPACE_HEADER = "seam-workspace";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String bearer = BearerTokens.read(request);
		String workspace = request.getHeader(WORKSPACE_HEADER);
		if (bearer == null || !bearer.startsWith("seam_at")) {
			return null;
		}
		return new SeamAuthenticationToken(AuthMethod.PERSONAL_ACCESS_TOKEN, bearer,
				(workspace == null || workspace.isBlank()) ? null : workspace.trim());
	}

}
