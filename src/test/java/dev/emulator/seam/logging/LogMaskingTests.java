package dev.emulator.seam.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.support.ApiTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's logging configuration masks credentials in every message and stack
 * trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTests extends ApiTest {

	@Test
	void logWhenMessageOrExceptionQuotesATokenThenMasked(CapturedOutput output) {
		var log = LoggerFactory.getLogger("dev.emulator.seam.test");
		log.warn("client sent seam_cst1_token and Bearer seam_apikey1_token");
		log.error("failure", new IllegalStateException("bad token seam_cst1SecretPart_abcdefghijklmnopqrstuvwx"));
		assertThat(output.getAll()).contains("seam_cst1_tok***", "Bearer ***")
			.doesNotContain("seam_cst1_token", "seam_apikey1_token", "SecretPart_abcdefghijklmnopqrstuvwx");
	}

}
