package dev.emulator.seam.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.support.EmulatorProperties;
import dev.emulator.seam.support.TestProperties;
import dev.emulator.seam.support.ServerProcess.Database;
import dev.emulator.seam.support.TokenEncryptionKeyException;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token encryption key is never silently replaced: no key file is generated while the
 * database holds sealed tokens, a malformed key is refused with a message naming its
 * setting, and a generated file is owner-only.
 */
class TokenEncryptionConfigTests {

	@TempDir
	Path dataDir;

	@Test
	void startWhenKeyFileMissingAndSealedTokensStoredThenRefusedAndNoKeyGenerated() throws Exception {
		try (Database db = Database.create("keyfile_sealed")) {
			DataSource dataSource = dataSource(db);
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute("create table client_sessions (client_session_id text, token_ciphertext text)");
				statement.execute("insert into client_sessions values ('cs1', 'sealed')");
			}
			assertThatThrownBy(
					() -> new TokenEncryptionConfig().tokenCipher(properties(""), new MockEnvironment(), dataSource))
				.isInstanceOf(TokenEncryptionKeyException.class)
				.hasMessageContaining("SEAM_TOKEN_ENCRYPTION_KEY")
				.hasMessageContaining(this.dataDir.resolve("token-encryption.key").toAbsolutePath().toString())
				.hasMessageContaining("1 client session tokens");
			assertThat(this.dataDir.resolve("token-encryption.key")).doesNotExist();
		}
	}

	@Test
	void startWhenKeyFileMissingAndDatabaseEmptyThenOwnerOnlyKeyGeneratedAndReused() throws Exception {
		try (Database db = Database.create("keyfile_empty")) {
			DataSource dataSource = dataSource(db);
			new TokenEncryptionConfig().tokenCipher(properties(""), new MockEnvironment(), dataSource);
			Path file = this.dataDir.resolve("token-encryption.key");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			String key = Files.readString(file);
			new TokenEncryptionConfig().tokenCipher(properties(""), new MockEnvironment(), dataSource);
			assertThat(Files.readString(file)).isEqualTo(key);
			assertThat(Files.list(this.dataDir)).containsExactly(file);
		}
	}

	@Test
	void startWhenKeyMalformedThenRefusedNamingTheSetting() {
		assertThatThrownBy(() -> new TokenEncryptionConfig().tokenCipher(properties("not base64 at all!"),
				new MockEnvironment(), null))
			.isInstanceOf(TokenEncryptionKeyException.class)
			.hasMessageContaining("SEAM_TOKEN_ENCRYPTION_KEY");
	}

	private EmulatorProperties properties(String key) {
		return TestProperties
			.emulator(java.util.Map.of("data-dir", this.dataDir.toString(), "token-encryption-key", key));
	}

	private static DataSource dataSource(Database db) {
		return new DriverManagerDataSource(db.url(), db.username(), db.password());
	}

}
