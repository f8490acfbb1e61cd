package dev.emulator.seam.clientsession;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.emulator.seam.support.TokenCipher;

import org.springframework.stereotype.Component;

/**
 * Seals the plaintext tokens of sessions created before tokens were encrypted at rest. A
 * Java migration because it needs the key; Spring Boot hands every {@code JavaMigration}
 * bean to Flyway, which runs it between V4 and V6.
 */
@Component
class V5__encrypt_client_session_tokens extends BaseJavaMigration {

	private final TokenCipher tokenCipher;

	V5__encrypt_client_session_tokens(TokenCipher tokenCipher) {
		this.tokenCipher = tokenCipher;
	}

	@Override
	public void migrate(Context context) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (PreparedStatement select = context.getConnection()
			.prepareStatement("select client_session_id, token from client_sessions where token_ciphertext is null");
				ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				rows.add(new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		try (PreparedStatement update = context.getConnection()
			.prepareStatement("update client_sessions set token_ciphertext = ? where client_session_id = ?")) {
			for (String[] row : rows) {
				update.setString(1, this.tokenCipher.encrypt(row[1], row[0]));
				update.setString(2, row[0]);
				update.addBatch();
			}
			update.executeBatch();
		}
	}

}
