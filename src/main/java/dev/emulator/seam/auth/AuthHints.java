package dev.emulator.seam.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The wording of a 401 {@code unauthorized} "No authentication methods succeeded" when
 * the request shows what went wrong (BEHAVIOUR 2.3): the type stays Seam's, and the
 * message keeps Seam's words and adds one sentence saying what to change. A request with
 * no credential at all, and nothing that looks like one, keeps Seam's message as it is.
 * No hint ever quotes a credential.
 */
final class AuthHints {

	static final String NO_METHOD_SUCCEEDED = "No authentication methods succeeded";

	private AuthHints() {
	}

	/**
	 * @param route the route's declared credential kinds
	 * @param sent the kind of credential the request carried (valid or not), or
	 * {@code null} when it carried none this server recognises
	 */
	static String noMethodSucceeded(HttpServletRequest request, AuthMethod[] route, AuthMethod sent) {
		String hint = hint(request, route, sent);
		return (hint != null) ? NO_METHOD_SUCCEEDED + ". " + hint : NO_METHOD_SUCCEEDED;
	}

	private static String hint(HttpServletRequest request, AuthMethod[] route, AuthMethod sent) {
		List<AuthMethod> accepted = Arrays.asList(route);
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (accepted.contains(AuthMethod.ADMIN)) {
			if (request.getHeader(AdminTokenAuthenticationConverter.HEADER) == null && authorization != null) {
				return "This route takes the admin token, in the " + AdminTokenAuthenticationConverter.HEADER
						+ " header (not in Authorization)";
			}
			return null;
		}
		if (sent == AuthMethod.PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE
				|| sent == AuthMethod.CONSOLE_SESSION_WITHOUT_WORKSPACE) {
			return "A " + name(sent) + " needs the " + PersonalAccessTokenAuthenticationConverter.WORKSPACE_HEADER
					+ " header naming the workspace";
		}
		if (sent != null) {
			return "This route accepts " + list(route) + ", not " + withArticle(sent);
		}
		if (authorization == null) {
			return null;
		}
		String value = authorization.strip();
		if (!BearerTokens.hasBearerScheme(value)) {
			if (looksLikeCredential(value)) {
				return "Send the token as \"Authorization: Bearer <token>\": the Bearer prefix is missing";
			}
			return "The Authorization header takes \"Bearer <token>\"; this route accepts " + list(route);
		}
		String token = BearerTokens.read(request);
		if (token != null && token.startsWith("seam_pk")) {
			return "A publishable key goes in the seam-publishable-key header, not in Authorization";
		}
		return null;
	}

	private static boolean looksLikeCredential(String value) {
		return value.startsWith("seam_") || value.startsWith("ey");
	}

	/** "an API key, a personal access token or a publishable key". */
	private static String list(AuthMethod[] kinds) {
		List<String> names = new ArrayList<>();
		for (AuthMethod kind : kinds) {
			names.add(withArticle(kind));
		}
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

	private static String withArticle(AuthMethod kind) {
		String name = name(kind);
		return ("aeiouAEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
	}

	private static String name(AuthMethod kind) {
		return switch (kind) {
			case API_KEY -> "API key";
			case PERSONAL_ACCESS_TOKEN, PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE -> "personal access token";
			case CLIENT_SESSION -> "client session token";
			case PUBLISHABLE_KEY -> "publishable key";
			case CONSOLE_SESSION, CONSOLE_SESSION_WITHOUT_WORKSPACE -> "console session token";
			case ADMIN -> "admin token";
		};
	}

}
