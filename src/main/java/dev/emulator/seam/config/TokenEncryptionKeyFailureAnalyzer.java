package dev.emulator.seam.config;

import dev.emulator.seam.support.TokenEncryptionKeyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A key that cannot serve the stored tokens: the reason and the remedy, without a stack
 * trace.
 */
class TokenEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<TokenEncryptionKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TokenEncryptionKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give the server the key the tokens were sealed with (SEAM_TOKEN_ENCRYPTION_KEY, or the key file in "
						+ "SEAM_DATA_DIR); see SECURITY.md, Where the secrets live.",
				null);
	}

}
