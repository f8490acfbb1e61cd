package dev.emulator.seam.auth;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wording of "No authentication methods succeeded" (BEHAVIOUR 2.3): Seam's sentence,
 * then what to change when the request shows it; never the credential itself.
 */
class AuthHintsTests {

	private static final AuthMethod[] SESSION_ROUTES = { AuthMethod.API_KEY, AuthMethod.PERSONAL_ACCESS_TOKEN,
			AuthMethod.PUBLISHABLE_KEY };

	private static final AuthMethod[] ADMIN_ROUTES = { AuthMethod.ADMIN };

	@Test
	void messageWhenNothingLooksLikeACredentialThenSeamsWords() {
		assertThat(AuthHints.noMethodSucceeded(new MockHttpServletRequest(), SESSION_ROUTES, null))
			.isEqualTo("No authentication methods succeeded");
	}

	@Test
	void messageWhenCredentialOfAnotherKindThenTheKindsTheRouteTakes() {
		assertThat(AuthHints.noMethodSucceeded(new MockHttpServletRequest(), SESSION_ROUTES, AuthMethod.CLIENT_SESSION))
			.isEqualTo("No authentication methods succeeded. This route accepts an API key, a personal access token "
					+ "or a publishable key, not a client session token");
	}

	@Test
	void messageWhenTokenWithoutBearerThenSaysToPrefixIt() {
		assertThat(AuthHints.noMethodSucceeded(authorization("seam_apikey1_token"), SESSION_ROUTES, null))
			.isEqualTo("No authentication methods succeeded. Send the token as \"Authorization: Bearer <token>\": "
					+ "the Bearer prefix is missing")
			.doesNotContain("seam_apikey1_token");
	}

	@Test
	void messageWhenOtherSchemeThenSaysBearer() {
		assertThat(AuthHints.noMethodSucceeded(authorization("Basic dXNlcjpwYXNz"), SESSION_ROUTES, null))
			.startsWith("No authentication methods succeeded. The Authorization header takes \"Bearer <token>\"")
			.doesNotContain("dXNlcjpwYXNz");
	}

	@Test
	void messageWhenPublishableKeyAsBearerThenNamesItsHeader() {
		assertThat(AuthHints.noMethodSucceeded(authorization("Bearer seam_pk1_token"), SESSION_ROUTES, null))
			.endsWith("A publishable key goes in the seam-publishable-key header, not in Authorization");
	}

	@Test
	void messageWhenAdminTokenInAuthorizationThenNamesItsHeader() {
		assertThat(AuthHints.noMethodSucceeded(authorization("Bearer some-admin-token-value"), ADMIN_ROUTES,
				AuthMethod.API_KEY))
			.isEqualTo("No authentication methods succeeded. This route takes the admin token, in the "
					+ "seam-admin-token header (not in Authorization)");
		assertThat(AuthHints.noMethodSucceeded(new MockHttpServletRequest(), ADMIN_ROUTES, null))
			.isEqualTo("No authentication methods succeeded");
	}

	@Test
	void messageWhenWorkspaceHeaderMissingThenSaysSo() {
		assertThat(AuthHints.noMethodSucceeded(authorization("Bearer seam_at1_a_b"), SESSION_ROUTES,
				AuthMethod.PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE))
			.endsWith("A personal access token needs the seam-workspace header naming the workspace");
	}

	private static MockHttpServletRequest authorization(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", value);
		return request;
	}

}
