package dev.emulator.seam.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.emulator.seam.support.EmulatorProperties;
import dev.emulator.seam.support.TokenCipher;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads {@code db/seed/fixture.sql}, the fixture of {@code fake-seam-connect --seed} with
 * its literal ids and tokens.
 */
@Component
class SeedFixture {

	static final String[] WORKSPACES = { "seed_workspace_1", "seed_workspace_2" };

	/** What {@code GET /_fake/default_seed} answers, as Seam's fake does. */
	static final Map<String, String> DEFAULT_SEED;

	static {
		Map<String, String> seed = new LinkedHashMap<>();
		seed.put("john_connected_account_id", "john_connected_account_id");
		seed.put("jane_connected_account_id", "jane_connected_account_id");
		seed.put("john_assa_cs_connected_account_id", "john_assa_cs_connected_account_id");
		seed.put("seed_workspace_1", "seed_workspace_1");
		seed.put("seed_workspace_2", "seed_workspace_2");
		seed.put("august_device_1", "august_device_1");
		seed.put("august_device_2", "august_device_2");
		seed.put("ecobee_device_1", "ecobee_device_1");
		seed.put("minut_device_1", "minut_device_1");
		seed.put("schlage_device_1", "schlage_device_id");
		seed.put("seam_apikey1_token", "seam_apikey1_token");
		seed.put("seam_apikey2_token", "seam_apikey2_token");
		seed.put("seam_cst1_token", "seam_cst1_token");
		seed.put("seam_pk1_token", "seam_pk1_token");
		seed.put("seam_at1_token", "seam_at1_shorttoken_longtoken");
		seed.put("john_user_identifier_key", "john_user_identifier_key");
		seed.put("john_user_identity_id", "john_user_identity_id");
		seed.put("john_user_id", "john_user_id");
		seed.put("john_user_key", "john_user_key");
		seed.put("connect_webview1", "connect_webview1");
		seed.put("client_session1", "cst1");
		DEFAULT_SEED = Collections.unmodifiableMap(seed);
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final EmulatorProperties properties;

	private final Clock clock;

	private final TokenCipher tokenCipher;

	SeedFixture(JdbcClient jdbc, DataSource dataSource, EmulatorProperties properties, Clock clock,
			TokenCipher tokenCipher) {
		this.tokenCipher = tokenCipher;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.properties = properties;
		this.clock = clock;
	}

	/** Loads the fixture unless the first seed workspace exists. */
	@Transactional
	public boolean loadIfMissing() {
		lock();
		Integer present = this.jdbc.sql("select count(*) from workspaces where workspace_id = :id")
			.param("id", WORKSPACES[0])
			.query(Integer.class)
			.single();
		if (present > 0) {
			return false;
		}
		load();
		return true;
	}

	/**
	 * Removes everything in the seed workspaces (and the seed user) and loads the fixture
	 * again.
	 */
	@Transactional
	public void reset() {
		lock();
		// Everything a workspace holds goes with it (on delete cascade).
		this.jdbc.sql("delete from workspaces where workspace_id in (:ids)")
			.param("ids", java.util.List.of(WORKSPACES))
			.update();
		this.jdbc.sql("delete from users where user_id = 'john_user_id'").update();
		load();
	}

	// Concurrent resets (or two instances starting) must not interleave their deletes and
	// inserts.
	private void lock() {
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('seam.seed', 0))) as locked")
			.query(Integer.class)
			.single();
	}

	private void load() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.jdbc.sql(
				"select set_config('seam.seed_time', :now, true), set_config('seam.session_expires_at', :expires, true)")
			.param("now", now.toString())
			.param("expires", now.plus(this.properties.clientSessionLifetime()).toString())
			.query((rs, rowNum) -> 1)
			.list();
		ScriptUtils.executeSqlScript(DataSourceUtils.getConnection(this.dataSource),
				new ClassPathResource("db/seed/fixture.sql"));
		this.jdbc.sql("update client_sessions set token_ciphertext = :sealed where client_session_id = 'cst1'")
			.param("sealed", this.tokenCipher.encrypt("seam_cst1_token", "cst1"))
			.update();
	}

}
