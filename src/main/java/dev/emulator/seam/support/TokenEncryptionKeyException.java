package dev.emulator.seam.support;

/**
 * The token encryption key is missing, malformed or not the one the stored tokens were
 * sealed with. Its message says what to do and names {@code SEAM_TOKEN_ENCRYPTION_KEY}
 * and the key file; start-up stops with it, without a stack trace.
 */
public class TokenEncryptionKeyException extends RuntimeException {

	public TokenEncryptionKeyException(String message) {
		super(message);
	}

}
