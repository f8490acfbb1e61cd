package dev.emulator.seam.support;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * TokenCipher reuses one Cipher per thread: every message must still be sealed and opened
 * on its own.
 */
class TokenCipherTests {

	private final TokenCipher cipher = new TokenCipher(
			"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	@Test
	void sealWhenSamePlaintextTwiceThenDifferentCiphertextsThatBothOpen() {
		String first = this.cipher.encrypt("seam_cst1_token", "cst1");
		String second = this.cipher.encrypt("seam_cst1_token", "cst1");

		assertThat(first).isNotEqualTo(second);
		assertThat(this.cipher.decrypt(first, "cst1")).isEqualTo("seam_cst1_token");
		assertThat(this.cipher.decrypt(second, "cst1")).isEqualTo("seam_cst1_token");
	}

	@Test
	void openWhenAfterARefusedMessageThenTheNextMessagesStillOpen() {
		String sealed = this.cipher.encrypt("seam_cst2_token", "cst2");

		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt(sealed, "another_session"));
		assertThatIllegalStateException().isThrownBy(() -> this.cipher.decrypt("not base64!", "cst2"));

		assertThat(this.cipher.decrypt(sealed, "cst2")).isEqualTo("seam_cst2_token");
		String next = this.cipher.encrypt("seam_cst3_token", "cst3");
		assertThat(this.cipher.decrypt(next, "cst3")).isEqualTo("seam_cst3_token");
	}

}
