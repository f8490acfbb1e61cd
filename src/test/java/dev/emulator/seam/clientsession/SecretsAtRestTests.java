package dev.emulator.seam.clientsession;

import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestDatabase;
import dev.emulator.seam.support.TokenCipher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database dump holds no usable credential (issue: secrets at rest). */
class SecretsAtRestTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TokenCipher tokenCipher;

	@Test
	void dumpWhenSessionsExistThenNoTokenReadable() {
		String token = asWorkspace1().body("{\"user_identifier_key\":\"at-rest\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
		List<String> rows = this.jdbc.sql("select cast(s.* as text) from client_sessions s").query(String.class).list();
		assertThat(rows).isNotEmpty().noneMatch((row) -> row.contains(token) || row.contains("seam_cst1_token"));
		List<String> credentials = this.jdbc.sql("""
				select cast(k.* as text) from api_keys k
				union all select cast(t.* as text) from personal_access_tokens t""").query(String.class).list();
		assertThat(credentials).isNotEmpty()
			.noneMatch((row) -> row.contains("seam_apikey") || row.contains("longtoken"));
	}

	@Test
	void tokenWhenStoredThenDecryptsOnlyForItsOwnRow() {
		String sealed = this.jdbc.sql("select token_ciphertext from client_sessions where client_session_id = 'cst1'")
			.query(String.class)
			.single();
		assertThat(this.tokenCipher.decrypt(sealed, "cst1")).isEqualTo(SEED_CST);
		assertThatThrownBy(() -> this.tokenCipher.decrypt(sealed, "another-row"))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new TokenCipher(new byte[32]).decrypt(sealed, "cst1"))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void migrationWhenPlaintextTokensExistThenSealedAndPlaintextDropped() {
		TestDatabase.Connection db = TestDatabase.get();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
		String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");
		Flyway.configure().dataSource(dataSource).schemas(schema).target("4").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		try {
			jdbc.sql("insert into " + schema
					+ ".workspaces (workspace_id, name, publishable_key, publishable_key_hash, created_at)"
					+ " values ('w', 'W', 'pk', 'pkhash', now())")
				.update();
			jdbc.sql("insert into " + schema + ".client_sessions (client_session_id, workspace_id, token, token_hash,"
					+ " created_via, created_at, expires_at) values ('s1', 'w', 'seam_cst1_old', 'h', 'api_key', now(), now())")
				.update();
			Flyway.configure()
				.dataSource(dataSource)
				.schemas(schema)
				.javaMigrations(new V5__encrypt_client_session_tokens(this.tokenCipher))
				.load()
				.migrate();
			String sealed = jdbc.sql("select token_ciphertext from " + schema + ".client_sessions")
				.query(String.class)
				.single();
			assertThat(this.tokenCipher.decrypt(sealed, "s1")).isEqualTo("seam_cst1_old");
			assertThat(jdbc
				.sql("select count(*) from information_schema.columns where table_schema = :schema"
						+ " and table_name = 'client_sessions' and column_name = 'token'")
				.param("schema", schema)
				.query(Integer.class)
				.single()).isZero();
		}
		finally {
			jdbc.sql("drop schema " + schema + " cascade").update();
		}
	}

}
