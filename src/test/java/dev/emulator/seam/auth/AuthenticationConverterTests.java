package dev.emulator.seam.auth;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.TestProperties;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.SeamParamsReader;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How each converter reads a request, without Spring: a credential that is not its kind
 * gives {@code null} (the next converter is asked), one of its kind gives an
 * unauthenticated token for its provider, and one of its kind that is malformed fails at
 * once with the error the client gets. Whether a well-formed credential exists is the
 * providers' business, not tested here.
 */
class AuthenticationConverterTests {

	@Nested
	class ApiKeys {

		private final ApiKeyAuthenticationConverter converter = new ApiKeyAuthenticationConverter();

		@Test
		void convertWhenBearerIsOtherKindThenNull() {
			for (String token : new String[] { "seam_cst1_x", "seam_at1_x", "seam_pk1_x", "eyJhbGciOi" }) {
				assertThat(this.converter.convert(bearer(token))).as(token).isNull();
			}
		}

		@Test
		void convertWhenNoBearerThenNull() {
			assertThat(this.converter.convert(new MockHttpServletRequest())).isNull();
			assertThat(this.converter.convert(authorization("seam_apikey1_token"))).as("no scheme").isNull();
			assertThat(this.converter.convert(authorization("Bearerseam_apikey1_token"))).as("no space").isNull();
			assertThat(this.converter.convert(authorization("Basic dXNlcjpwYXNz"))).isNull();
			assertThat(this.converter.convert(authorization("Bearer "))).as("empty token").isNull();
			assertThat(this.converter.convert(authorization("Bearer    "))).as("blank token").isNull();
		}

		@Test
		void convertWhenBearerIsApiKeyThenUnauthenticatedApiKeyToken() {
			Authentication result = this.converter.convert(bearer("seam_apikey1_token"));
			assertThat(result).isInstanceOf(SeamAuthenticationToken.class);
			assertThat(((SeamAuthenticationToken) result).getMethod()).isEqualTo(AuthMethod.API_KEY);
			assertThat(result.getCredentials()).isEqualTo("seam_apikey1_token");
			assertThat(result.isAuthenticated()).isFalse();
		}

		@Test
		void convertWhenBearerHasSurroundingSpacesThenTokenTrimmed() {
			assertThat(this.converter.convert(authorization("Bearer  seam_apikey1_token  ")).getCredentials())
				.isEqualTo("seam_apikey1_token");
		}

		@Test
		void convertWhenBearerIsAnyOtherStringThenApiKeyForTheProviderToRefuse() {
			// An API key has no shape of its own: whatever else follows "Bearer " is one,
			// and an unknown one is the provider's 401, never a converter error.
			for (String token : new String[] { "x", "seam_apikey", "sEaM_cSt1_x", "Seam_at1", "e", "\u00e9" }) {
				assertThat(((SeamAuthenticationToken) this.converter.convert(bearer(token))).getMethod()).as(token)
					.isEqualTo(AuthMethod.API_KEY);
			}
		}

		@Test
		void toStringWhenCredentialPresentThenNotPrinted() {
			assertThat(this.converter.convert(bearer("seam_apikey1_token")).toString())
				.doesNotContain("seam_apikey1_token");
		}

	}

	@Nested
	class ClientSessionTokens {

		private final ClientSessionTokenAuthenticationConverter converter = new ClientSessionTokenAuthenticationConverter();

		@Test
		void convertWhenNoTokenHeaderAndBearerOfOtherKindThenNull() {
			assertThat(this.converter.convert(new MockHttpServletRequest())).isNull();
			for (String token : new String[] { "seam_apikey1_token", "seam_at1_x", "seam_pk1_x", "eyJhbGciOi" }) {
				assertThat(this.converter.convert(bearer(token))).as(token).isNull();
			}
		}

		@Test
		void convertWhenTokenInEitherHeaderOrAsBearerThenClientSessionToken() {
			for (String header : new String[] { "seam-client-session-token", "client-session-token" }) {
				MockHttpServletRequest request = new MockHttpServletRequest();
				request.addHeader(header, "seam_cst1_token");
				SeamAuthenticationToken token = (SeamAuthenticationToken) this.converter.convert(request);
				assertThat(token.getMethod()).as(header).isEqualTo(AuthMethod.CLIENT_SESSION);
				assertThat(token.getCredentials()).as(header).isEqualTo("seam_cst1_token");
				assertThat(token.isAuthenticated()).isFalse();
			}
			SeamAuthenticationToken bearer = (SeamAuthenticationToken) this.converter
				.convert(bearer("seam_cst1_token"));
			assertThat(bearer.getMethod()).isEqualTo(AuthMethod.CLIENT_SESSION);
			assertThat(bearer.getCredentials()).isEqualTo("seam_cst1_token");
		}

		@Test
		void convertWhenHeaderAndBearerDifferThenHeaderWins() {
			MockHttpServletRequest request = bearer("seam_cst1_bearer");
			request.addHeader("seam-client-session-token", "seam_cst1_header");
			assertThat(this.converter.convert(request).getCredentials()).isEqualTo("seam_cst1_header");
		}

		@Test
		void convertWhenTokenHeaderNotSeamCstThenInvalidClientSessionToken() {
			for (String header : new String[] { "seam-client-session-token", "client-session-token" }) {
				for (String value : new String[] { "nope", "", "SEAM_CST1_token", " seam_cst1_token",
						"seam_apikey1_token" }) {
					MockHttpServletRequest request = new MockHttpServletRequest();
					request.addHeader(header, value);
					assertConverterError(() -> this.converter.convert(request), AuthMethod.CLIENT_SESSION, 400,
							"invalid_client_session_token");
				}
			}
		}

		@Test
		void convertWhenTokenHeaderMalformedThenErrorEvenWithValidBearer() {
			MockHttpServletRequest request = bearer("seam_cst1_token");
			request.addHeader("client-session-token", "not_a_cst");
			assertConverterError(() -> this.converter.convert(request), AuthMethod.CLIENT_SESSION, 400,
					"invalid_client_session_token");
		}

	}

	@Nested
	class PersonalAccessTokens {

		private final PersonalAccessTokenAuthenticationConverter converter = new PersonalAccessTokenAuthenticationConverter();

		@Test
		void convertWhenBearerNotSeamAtThenNull() {
			assertThat(this.converter.convert(new MockHttpServletRequest())).isNull();
			for (String token : new String[] { "seam_apikey1_token", "seam_cst1_x", "seam_pk1_x", "eyJhbGciOi" }) {
				MockHttpServletRequest request = bearer(token);
				request.addHeader("seam-workspace", "ws");
				assertThat(this.converter.convert(request)).as(token).isNull();
			}
		}

		@Test
		void convertWhenSeamAtWithoutWorkspaceHeaderThenTokenWithoutWorkspace() {
			// Without the header (or with a blank one) the token is a personal access
			// token
			// without a workspace, which only a few routes accept (BEHAVIOUR 2.1).
			for (String blank : new String[] { null, "", "   " }) {
				MockHttpServletRequest request = bearer("seam_at1_short_long");
				if (blank != null) {
					request.addHeader("seam-workspace", blank);
				}
				SeamAuthenticationToken token = (SeamAuthenticationToken) this.converter.convert(request);
				assertThat(token).as("'" + blank + "'").isNotNull();
				assertThat(token.getMethod()).isEqualTo(AuthMethod.PERSONAL_ACCESS_TOKEN);
				assertThat(token.getQualifier()).isNull();
			}
		}

		@Test
		void convertWhenSeamAtWithWorkspaceThenTokenForThatWorkspace() {
			MockHttpServletRequest request = bearer("seam_at1_short_long");
			request.addHeader("seam-workspace", " ws ");
			SeamAuthenticationToken token = (SeamAuthenticationToken) this.converter.convert(request);
			assertThat(token.getMethod()).isEqualTo(AuthMethod.PERSONAL_ACCESS_TOKEN);
			assertThat(token.getCredentials()).isEqualTo("seam_at1_short_long");
			assertThat(token.getQualifier()).isEqualTo("ws");
			assertThat(token.isAuthenticated()).isFalse();
		}

	}

	@Nested
	class PublishableKeys {

		private final PublishableKeyAuthenticationConverter converter = new PublishableKeyAuthenticationConverter(
				new SeamParamsReader(TestProperties.emulator(java.util.Map.of("max-body-bytes", "1024",
						"max-array-items", "10", "max-string-length", "100"))));

		@Test
		void convertWhenNoPublishableKeyHeaderThenNull() {
			assertThat(this.converter.convert(post("{\"user_identifier_key\":\"u1\"}"))).isNull();
		}

		@Test
		void convertWhenAuthorizationAlsoSentThenPublishableKeyIgnored() {
			MockHttpServletRequest request = bearer("seam_apikey1_token");
			request.addHeader("seam-publishable-key", "seam_pk1_token");
			assertThat(this.converter.convert(request)).isNull();
		}

		@Test
		void convertWhenUserIdentifierKeyInBodyThenTokenForThatUser() {
			MockHttpServletRequest request = post("{\"user_identifier_key\":\"u1\"}");
			request.addHeader("seam-publishable-key", "seam_pk1_token");
			request.addHeader("seam-user-identifier-key", "from_header");
			SeamAuthenticationToken token = (SeamAuthenticationToken) this.converter.convert(request);
			assertThat(token.getMethod()).isEqualTo(AuthMethod.PUBLISHABLE_KEY);
			assertThat(token.getCredentials()).isEqualTo("seam_pk1_token");
			assertThat(token.getQualifier()).as("the body wins over the headers").isEqualTo("u1");
			assertThat(token.isAuthenticated()).isFalse();
		}

		@Test
		void convertWhenUserIdentifierKeyOnlyInHeadersThenFirstNonBlankHeader() {
			MockHttpServletRequest first = post("{}");
			first.addHeader("seam-publishable-key", "seam_pk1_token");
			first.addHeader("user-identifier-key", "u_plain");
			first.addHeader("seam-user-identifier-key", "u_seam");
			assertThat(((SeamAuthenticationToken) this.converter.convert(first)).getQualifier()).isEqualTo("u_plain");

			MockHttpServletRequest blankFirst = post("{}");
			blankFirst.addHeader("seam-publishable-key", "seam_pk1_token");
			blankFirst.addHeader("user-identifier-key", " ");
			blankFirst.addHeader("seam-user-identifier-key", "u_seam");
			assertThat(((SeamAuthenticationToken) this.converter.convert(blankFirst)).getQualifier())
				.isEqualTo("u_seam");
		}

		@Test
		void convertWhenNoUserIdentifierKeyAnywhereThenTokenWithoutUser() {
			MockHttpServletRequest request = post("{\"user_identifier_key\":\"  \"}");
			request.addHeader("seam-publishable-key", "seam_pk1_token");
			SeamAuthenticationToken token = (SeamAuthenticationToken) this.converter.convert(request);
			assertThat(token.getMethod()).isEqualTo(AuthMethod.PUBLISHABLE_KEY);
			assertThat(token.getQualifier()).isNull();
		}

		@Test
		void convertWhenPublishableKeyHeaderRepeatedThenInvalidPublishableKey() {
			MockHttpServletRequest request = post("{}");
			request.addHeader("seam-publishable-key", "seam_pk1_token");
			request.addHeader("seam-publishable-key", "seam_pk1_other");
			assertConverterError(() -> this.converter.convert(request), AuthMethod.PUBLISHABLE_KEY, 401,
					"invalid_publishable_key");
		}

		@Test
		void convertWhenBodyNotJsonThenInvalidInput() {
			for (String body : new String[] { "{\"user_identifier_key\":", "[1]", "x" }) {
				MockHttpServletRequest request = post(body);
				request.addHeader("seam-publishable-key", "seam_pk1_token");
				assertThatThrownBy(() -> this.converter.convert(request)).as(body)
					.isInstanceOfSatisfying(ApiException.class, (ex) -> {
						assertThat(ex.getStatus().value()).isEqualTo(400);
						assertThat(ex.getType()).isEqualTo("invalid_input");
					});
			}
		}

		private static MockHttpServletRequest post(String body) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/client_sessions/get_or_create");
			request.setContentType("application/json");
			request.setContent(body.getBytes(StandardCharsets.UTF_8));
			return request;
		}

	}

	/**
	 * The Bearer scheme in any case (RFC 9110 11.1, BEHAVIOUR 2.2), for every converter
	 * that reads it; a publishable key still counts only without {@code Authorization}.
	 */
	@Nested
	class BearerSchemeCase {

		private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl";

		@Test
		void convertWhenSchemeInAnyCaseThenSameCredential() {
			for (String scheme : new String[] { "Bearer", "bearer", "BEARER", "bEARER" }) {
				assertThat(kind(new ApiKeyAuthenticationConverter(), scheme + " seam_apikey1_token")).as(scheme)
					.isEqualTo(AuthMethod.API_KEY);
				assertThat(kind(new ClientSessionTokenAuthenticationConverter(), scheme + " seam_cst1_token"))
					.as(scheme)
					.isEqualTo(AuthMethod.CLIENT_SESSION);
				assertThat(kind(new PersonalAccessTokenAuthenticationConverter(), scheme + " seam_at1_short_long"))
					.as(scheme)
					.isEqualTo(AuthMethod.PERSONAL_ACCESS_TOKEN);
				assertThat(kind(new ConsoleSessionAuthenticationConverter(), scheme + " " + JWT)).as(scheme)
					.isEqualTo(AuthMethod.CONSOLE_SESSION);
				assertThat(new ApiKeyAuthenticationConverter().convert(authorization(scheme + " seam_apikey1_token"))
					.getCredentials()).isEqualTo("seam_apikey1_token");
			}
		}

		@Test
		void convertWhenPublishableKeyBesideLowerCaseBearerThenIgnoredAsBeside() {
			MockHttpServletRequest request = authorization("bearer seam_apikey1_token");
			request.addHeader("seam-publishable-key", "seam_pk1_token");
			assertThat(new PublishableKeyAuthenticationConverter(new SeamParamsReader(TestProperties.emulator(
					java.util.Map.of("max-body-bytes", "1024", "max-array-items", "10", "max-string-length", "100"))))
				.convert(request)).isNull();
		}

		private static AuthMethod kind(
				org.springframework.security.web.authentication.AuthenticationConverter converter, String header) {
			Authentication result = converter.convert(authorization(header));
			return (result != null) ? ((SeamAuthenticationToken) result).getMethod() : null;
		}

	}

	private static void assertConverterError(Runnable convert, AuthMethod method, int status, String type) {
		assertThatThrownBy(convert::run).isInstanceOfSatisfying(SeamAuthenticationException.class, (ex) -> {
			assertThat(ex.getMethod()).isEqualTo(method);
			assertThat(ex.getError().getStatus().value()).isEqualTo(status);
			assertThat(ex.getError().getType()).isEqualTo(type);
		});
	}

	private static MockHttpServletRequest bearer(String token) {
		return authorization("Bearer " + token);
	}

	private static MockHttpServletRequest authorization(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", value);
		return request;
	}

}
