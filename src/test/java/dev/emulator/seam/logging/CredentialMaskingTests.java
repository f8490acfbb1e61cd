package dev.emulator.seam.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialMaskingTests {

	@Test
	void maskWhenSeamCredentialsThenOnlyPrefixAndFourCharactersRemain() {
		String masked = CredentialMasking
			.mask("token seam_cst1AbCdEfGh_0123456789abcdefghijklmn and key seam_test2bMS_94SrGUXuNR2JmJkjtvBQDg5c,"
					+ " pk seam_pk1J0Bgui_oYEuzDhOqUzSBkrPmrNsUuKL, pat seam_at1_shorttoken_longtoken, seed seam_apikey1_token");
		assertThat(masked).doesNotContain("0123456789abcdefghijklmn", "94SrGUXuNR2JmJkjtvBQDg5c",
				"oYEuzDhOqUzSBkrPmrNsUuKL", "longtoken", "apikey1_token");
		assertThat(masked).contains("seam_cst1AbCd***", "seam_test2bMS_***", "seam_pk1J0Bg***", "seam_at1_sho***");
	}

	@Test
	void maskWhenBearerHeaderOrJwtThenHidden() {
		assertThat(CredentialMasking.mask("Authorization: Bearer some-opaque-secret"))
			.isEqualTo("Authorization: Bearer ***");
		assertThat(CredentialMasking.mask("jwt eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiam9obiJ9.c2lnbmF0dXJl end"))
			.isEqualTo("jwt ey*** end");
	}

	@Test
	void maskWhenNoCredentialThenUnchanged() {
		String line = "Started SeamEmulatorApplication in 7.9 seconds; key eyes and seam-request-id request_1";
		assertThat(CredentialMasking.mask(line)).isEqualTo(line);
	}

	@Test
	void maskWhenHeaderLineOrSecretNamedHeaderThenValueHiddenWhateverItsShape() {
		assertThat(CredentialMasking.mask("The HTTP header line [seam-admin-token: opaque-admin-0123456789] does not "
				+ "conform to RFC 9112 and has been ignored."))
			.isEqualTo(
					"The HTTP header line [seam-admin-token: ***] does not conform to RFC 9112 and has been ignored.");
		assertThat(CredentialMasking.mask("The HTTP header line [x-anything: plain-value-42] does not conform"))
			.isEqualTo("The HTTP header line [x-anything: ***] does not conform");
		assertThat(CredentialMasking.mask("headers: seam-admin-token=opaque-admin-0123456789, cookie: sid=abc123"))
			.doesNotContain("opaque-admin-0123456789", "abc123");
		assertThat(CredentialMasking.mask("client-session-token: 0123456789abcdef"))
			.isEqualTo("client-session-token: ***");
	}

}
