package dev.emulator.seam.auth;

import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.EmulatorProperties;
import dev.emulator.seam.web.SeamParamsReader;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How each converter classifies a request (CONTRACT 2.2), without Spring. */
class AuthenticationConverterTests {

	private final ApiKeyAuthenticationConverter apiKeys = new ApiKeyAuthenticationConverter();

	private final ClientSessionTokenAuthenticationConverter clientSessions = new ClientSessionTokenAuthenticationConverter();

	private final PersonalAccessTokenAuthenticationConverter accessTokens = new PersonalAccessTokenAuthenticationConverter();

	@Test
	void convertWhenBearerIsOtherKindThenApiKeyConverterReturnsNull() {
		for (String token : new String[] { "seam_cst1_x", "seam_at1_x", "seam_pk1_x", "eyJhbGciOi" }) {
			assertThat(this.apiKeys.convert(bearer(token))).as(token).isNull();
		}
		assertThat(this.apiKeys.convert(new MockHttpServletRequest())).isNull();
	}

	@Test
	void convertWhenBearerIsApiKeyThenApiKeyCredential() {
		Authentication result = this.apiKeys.convert(bearer("seam_apikey1_token"));
		assertThat(result).isInstanceOf(SeamAuthenticationToken.class);
		assertThat(((SeamAuthenticationToken) result).getMethod()).isEqualTo(AuthMethod.API_KEY);
		assertThat(result.getCredentials()).isEqualTo("seam_apikey1_token");
		assertThat(result.isAuthenticated()).isFalse();
	}

	@Test
	void convertWhenBearerLacksExactPrefixThenNull() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "bearer seam_apikey1_token");
		assertThat(this.apiKeys.convert(request)).isNull();
	}

	@Test
	void convertWhenClientSessionHeaderNotSeamCstThenInvalidClientSessionToken() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("client-session-token", "nope");
		assertThatThrownBy(() -> this.clientSessions.convert(request))
			.isInstanceOfSatisfying(SeamAuthenticationException.class, (ex) -> {
				assertThat(ex.getMethod()).isEqualTo(AuthMethod.CLIENT_SESSION);
				assertThat(ex.getError().getType()).isEqualTo("invalid_client_session_token");
				assertThat(ex.getError().getStatus().value()).isEqualTo(400);
			});
	}

	@Test
	void convertWhenClientSessionHeaderAndBearerDifferThenHeaderWins() {
		MockHttpServletRequest request = bearer("seam_cst1_bearer");
		request.addHeader("seam-client-session-token", "seam_cst1_header");
		assertThat(this.clientSessions.convert(request).getCredentials()).isEqualTo("seam_cst1_header");
		assertThat(this.clientSessions.convert(bearer("seam_cst1_bearer")).getCredentials())
			.isEqualTo("seam_cst1_bearer");
	}

	@Test
	void convertWhenPersonalAccessTokenWithoutWorkspaceThenNull() {
		assertThat(this.accessTokens.convert(bearer("seam_at1_short_long"))).isNull();
		MockHttpServletRequest request = bearer("seam_at1_short_long");
		request.addHeader("seam-workspace", "ws");
		SeamAuthenticationToken token = (SeamAuthenticationToken) this.accessTokens.convert(request);
		assertThat(token.getMethod()).isEqualTo(AuthMethod.PERSONAL_ACCESS_TOKEN);
		assertThat(token.getQualifier()).isEqualTo("ws");
	}

	@Test
	void convertWhenPublishableKeyWithAuthorizationThenIgnored() {
		PublishableKeyAuthenticationConverter publishable = new PublishableKeyAuthenticationConverter(
				new SeamParamsReader(new EmulatorProperties(false, java.time.Duration.ofHours(1),
						java.nio.file.Path.of("data"), "", 1024, 10, 100, "",
						new EmulatorProperties.RateLimit(false, 1, 1),
						new EmulatorProperties.Purge(false, java.time.Duration.ofDays(1), java.time.Duration.ofHours(1), 10),
						"")));
		MockHttpServletRequest request = bearer("seam_apikey1_token");
		request.addHeader("seam-publishable-key", "seam_pk1_token");
		assertThat(publishable.convert(request)).isNull();

		MockHttpServletRequest withBody = new MockHttpServletRequest("POST", "/client_sessions/get_or_create");
		withBody.addHeader("seam-publishable-key", "seam_pk1_token");
		withBody.setContent("{\"user_identifier_key\":\"u1\"}".getBytes());
		SeamAuthenticationToken token = (SeamAuthenticationToken) publishable.convert(withBody);
		assertThat(token.getMethod()).isEqualTo(AuthMethod.PUBLISHABLE_KEY);
		assertThat(token.getQualifier()).isEqualTo("u1");
	}

	@Test
	void toStringWhenCredentialPresentThenNotPrinted() {
		assertThat(this.apiKeys.convert(bearer("seam_apikey1_token")).toString()).doesNotContain("seam_apikey1_token");
	}

	private static MockHttpServletRequest bearer(String token) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer " + token);
		return request;
	}

}
