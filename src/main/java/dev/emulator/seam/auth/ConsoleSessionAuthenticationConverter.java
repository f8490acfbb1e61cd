package dev.emulator.seam.auth;

import java.text.ParseException;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A bearer token that is a signed JWT is a console session token; {@code seam-workspace},
 * when present and not blank, names the workspace. Whether the signature and the session
 * are good is the provider's business.
 */
public final class ConsoleSessionAuthenticationConverter implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		String bearer = BearerTokens.read(request);
		if (bearer == null || !bearer.startsWith("ey")) {
			return null;
		}
		try {
			SignedJWT.parse(bearer);
		}
		catch (ParseException ex) {
			return null;
		}
		String workspace = request.getHeader(PersonalAccessTokenAuthenticationConverter.WORKSPACE_HEADER);
		return new SeamAuthenticationToken(AuthMethod.CONSOLE_SESSION, bearer,
				(workspace == null || workspace.isBlank()) ? null : workspace.trim());
	}

}
