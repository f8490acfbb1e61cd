package dev.emulator.seam.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.support.Secrets;
import dev.emulator.seam.support.TokenCipher;
import dev.emulator.seam.support.TokenEncryptionKeyException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import dev.emulator.seam.support.EmulatorProperties;

/**
 * The key that seals client session tokens at rest: {@code SEAM_TOKEN_ENCRYPTION_KEY}
 * (base64 of 16, 24 or 32 bytes) when given, else a key generated once and kept beside
 * the data ({@code <data-dir>/token-encryption.key}, created owner-only). A key is
 * generated only while the database holds no sealed token: with tokens stored, a missing
 * key is an error, never a fresh key that would make them unreadable. Several instances
 * on one database must be given the same key.
 */
@Configuration(proxyBeanMethods = false)
class TokenEncryptionConfig {

	private static final Logger log = LoggerFactory.getLogger(TokenEncryptionConfig.class);

	@Bean
	TokenCipher tokenCipher(EmulatorProperties properties, Environment environment, DataSource dataSource)
			throws IOException {
		if (StringUtils.hasText(properties.tokenEncryptionKey())) {
			return cipher(properties.tokenEncryptionKey(), "SEAM_TOKEN_ENCRYPTION_KEY");
		}
		Path file = properties.dataDir().resolve("token-encryption.key").toAbsolutePath();
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			// A shared database is how several instances run; each would make a key file
			// of its own.
			log.warn("No SEAM_TOKEN_ENCRYPTION_KEY: using the key file {}. Several instances on one database must all "
					+ "be given the same SEAM_TOKEN_ENCRYPTION_KEY", file);
		}
		if (!Files.exists(file)) {
			long sealed = sealedTokens(dataSource);
			if (sealed > 0) {
				throw new TokenEncryptionKeyException("No token encryption key: SEAM_TOKEN_ENCRYPTION_KEY is not set "
						+ "and " + file + " does not exist, but the database holds " + sealed + " client session "
						+ "tokens sealed with a key; a new key would make them unreadable, so none was generated");
			}
			byte[] key = new byte[32];
			Secrets.nextBytes(key);
			Files.createDirectories(file.getParent());
			OwnerOnlyFiles.write(file, Base64.getEncoder().encodeToString(key));
			log.info("Generated a token encryption key in {}", file);
		}
		return cipher(Files.readString(file), file.toString());
	}

	private static TokenCipher cipher(String base64, String source) {
		try {
			return new TokenCipher(Base64.getDecoder().decode(base64.trim()));
		}
		catch (IllegalArgumentException ex) {
			throw new TokenEncryptionKeyException("The token encryption key in " + source
					+ " is not base64 of 16, 24 or 32 bytes (SEAM_TOKEN_ENCRYPTION_KEY, or the key file "
					+ "token-encryption.key in SEAM_DATA_DIR)");
		}
	}

	/**
	 * Tokens sealed with some key; 0 before the schema exists (a fresh database: Flyway
	 * runs after this).
	 */
	private static long sealedTokens(DataSource dataSource) {
		try (var connection = dataSource.getConnection();
				var statement = connection.createStatement();
				var columns = statement.executeQuery("select count(*) from information_schema.columns "
						+ "where table_schema = current_schema() and table_name = 'client_sessions' "
						+ "and column_name = 'token_ciphertext'")) {
			columns.next();
			if (columns.getLong(1) == 0) {
				return 0;
			}
			try (var rows = statement
				.executeQuery("select count(*) from client_sessions where token_ciphertext <> ''")) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell whether the database holds sealed tokens", ex);
		}
	}

}
