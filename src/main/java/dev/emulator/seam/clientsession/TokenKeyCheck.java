package dev.emulator.seam.clientsession;

import dev.emulator.seam.support.TokenCipher;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a token encryption key that cannot read the stored tokens (a lost key file, another
 * instance's key), instead of answering every get and list with a 500 later.
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
		this.jdbc.sql("select client_session_id, token_ciphertext from client_sessions where token_ciphertext <> '' limit 1")
			.query((rs, rowNum) -> this.tokenCipher.decrypt(rs.getString(2), rs.getString(1)))
			.optional()
			.orElse(null);
	}

}
