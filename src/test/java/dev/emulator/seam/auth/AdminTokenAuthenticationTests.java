package dev.emulator.seam.auth;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin credential's converter and provider, without Spring. */
class AdminTokenAuthenticationTests {

	private static final String TOKEN = "admin-token-for-unit-tests";

	private final AdminTokenAuthenticationConverter converter = new AdminTokenAuthenticationConverter();

	@Test
	void convertWhenNoAdminHeaderThenNull() {
		assertThat(this.converter.convert(new MockHttpServletRequest())).isNull();
	}

	@Test
	void convertWhenAdminTokenSentAsBearerThenNotAdmin() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer " + TOKEN);
		assertThat(this.converter.convert(request)).isNull();
		// Whatever is in Authorization stays a Seam credential: here, an (unknown) API
		// key.
		Authentication asApiKey = new ApiKeyAuthenticationConverter().convert(request);
		assertThat(((SeamAuthenticationToken) asApiKey).getMethod()).isEqualTo(AuthMethod.API_KEY);
	}

	@Test
	void convertWhenAdminHeaderThenAdminCredential() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("seam-admin-token", TOKEN);
		SeamAuthenticationToken result = (SeamAuthenticationToken) this.converter.convert(request);
		assertThat(result.getMethod()).isEqualTo(AuthMethod.ADMIN);
		assertThat(result.getCredentials()).isEqualTo(TOKEN);
		assertThat(result.isAuthenticated()).isFalse();
	}

	@Test
	void authenticateWhenTokenMatchesThenAdminAuthWithoutWorkspace() {
		Authentication result = new AdminTokenAuthenticationProvider(TOKEN).authenticate(admin(TOKEN));
		assertThat(result.isAuthenticated()).isTrue();
		AuthContext context = ((SeamAuthenticationToken) result).getContext();
		assertThat(context).isInstanceOf(AdminAuth.class);
		assertThat(context.method()).isEqualTo(AuthMethod.ADMIN);
		assertThat(context.workspaceId()).isNull();
	}

	@Test
	void authenticateWhenTokenWrongThenUnauthorized() {
		for (String wrong : new String[] { "", TOKEN + "x", TOKEN.substring(1), TOKEN.toUpperCase() }) {
			assertThatThrownBy(() -> new AdminTokenAuthenticationProvider(TOKEN).authenticate(admin(wrong))).as(wrong)
				.isInstanceOfSatisfying(SeamAuthenticationException.class, (ex) -> {
					assertThat(ex.getMethod()).isEqualTo(AuthMethod.ADMIN);
					assertThat(ex.getError().getStatus().value()).isEqualTo(401);
					assertThat(ex.getError().getType()).isEqualTo("unauthorized");
				});
		}
	}

	@Test
	void authenticateWhenNoAdminTokenConfiguredThenEveryTokenRefused() {
		for (String configured : new String[] { null, "" }) {
			AdminTokenAuthenticationProvider provider = new AdminTokenAuthenticationProvider(configured);
			assertThatThrownBy(() -> provider.authenticate(admin(""))).isInstanceOf(SeamAuthenticationException.class);
			assertThatThrownBy(() -> provider.authenticate(admin(TOKEN)))
				.isInstanceOf(SeamAuthenticationException.class);
		}
	}

	@Test
	void authenticateWhenOtherKindOfCredentialThenNotApplicable() {
		SeamAuthenticationToken apiKey = new SeamAuthenticationToken(AuthMethod.API_KEY, TOKEN, null);
		assertThat(new AdminTokenAuthenticationProvider(TOKEN).authenticate(apiKey)).isNull();
	}

	private static SeamAuthenticationToken admin(String token) {
		return new SeamAuthenticationToken(AuthMethod.ADMIN, token, null);
	}

}
