package dev.emulator.seam.clientsession;

import dev.emulator.seam.support.TokenCipher;
import dev.emulator.seam.support.TokenEncryptionKeyException;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a token encryption key that cannot read the stored tokens (a lost
 * key file, another instance's key), instead of answering every get and list with a 500
 * later.
 */
@Component
class TokenKeyCheck implements SmartInitializingSingleton {

	private final JdbcClient jdbc;

	private final TokenCipher tokenCipher;

	TokenKeyCheck(JdbcClient jdbc, TokenCipher tokenCipher) {
		this.jdbc = jdbc;
		this.tokenCipher = tokenCipher;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.jdbc
			.sql("select client_session_id, token_ciphertext from client_sessions where token_ciphertext <> '' limit 1")
			.query((rs, rowNum) -> decrypt(rs.getString(2), rs.getString(1)))
			.optional()
			.orElse(null);
	}

	private String decrypt(String ciphertext, String sessionId) {
		try {
			return this.tokenCipher.decrypt(ciphertext, sessionId);
		}
		catch (IllegalStateException ex) {
			throw new TokenEncryptionKeyException("The token encryption key (SEAM_TOKEN_ENCRYPTION_KEY, or the key "
					+ "file token-encryption.key in SEAM_DATA_DIR) is not the one the stored client session tokens "
					+ "were sealed with");
		}
	}

}
