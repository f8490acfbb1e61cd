package dev.emulator.seam.seed;

import java.util.List;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Hashes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The sandbox routes of BEHAVIOUR 7.2 with the seed on: {@code POST /_sandbox/reset}
 * brings back the fixture of BEHAVIOUR 7.1 whatever was done to it, and
 * {@code /_fake/default_seed} describes it.
 */
class SandboxTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void resetWhenSessionsCreatedAndCst1RevokedThenFixtureIsRestored() {
		String withKey = asWorkspace1().body("{\"user_identifier_key\":\"sandbox_user\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		String withoutKey = asWorkspace1().body("{}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		asWorkspace1().body("{\"client_session_id\":\"cst1\"}")
			.post("/client_sessions/revoke")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		// With cst1 revoked, John's key is free: get_or_create makes him a new session.
		String replacement = asWorkspace1().body("{\"user_identifier_key\":\"john_user_identifier_key\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", not(equalTo("cst1")))
			.extract()
			.path("client_session.client_session_id");
		assertThat(revokedAtOfCst1()).isNotNull();

		anonymous().post("/_sandbox/reset").then().statusCode(200).body("ok", equalTo(true));

		for (String id : List.of(withKey, withoutKey, replacement)) {
			asWorkspace1().queryParam("client_session_id", id)
				.get("/client_sessions/get")
				.then()
				.statusCode(404)
				.body("error.type", equalTo("client_session_not_found"));
		}
		asWorkspace1().queryParam("client_session_id", "cst1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo("seed_workspace_1"))
			.body("client_session.token", equalTo(SEED_CST))
			.body("client_session.user_identifier_key", equalTo("john_user_identifier_key"))
			.body("client_session.device_count", equalTo(4))
			.body("client_session.connected_account_ids", contains("john_connected_account_id"))
			.body("client_session.connect_webview_ids", contains("connect_webview1"))
			.body("client_session.user_identity_ids", contains("john_user_identity_id"));
		assertThat(revokedAtOfCst1()).isNull();
		// cst1 is John's live session again: create and get_or_create hand it back.
		asWorkspace1().body("{\"user_identifier_key\":\"john_user_identifier_key\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.token", equalTo(SEED_CST));
		asWorkspace1().body("{\"user_identifier_key\":\"john_user_identifier_key\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
		asWorkspace1().get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("client_sessions.client_session_id", contains("cst1"));
	}

	@Test
	void resetWhenCalledThenSeedCountsAreThoseOfTheFixture() {
		asWorkspace1().body("{\"user_identifier_key\":\"sandbox_user\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200);
		anonymous().post("/_sandbox/reset").then().statusCode(200);

		assertThat(count("select count(*) from workspaces where workspace_id like 'seed\\_workspace\\_%'"))
			.isEqualTo(2);
		assertThat(
				this.jdbc.sql("select name from workspaces where workspace_id like 'seed\\_workspace\\_%' order by 1")
					.query(String.class)
					.list())
			.containsExactly("Empty Workspace", "My Workspace");
		assertThat(count("select count(*) from devices where workspace_id = 'seed_workspace_1'")).isEqualTo(5);
		assertThat(count("select count(*) from devices where workspace_id = 'seed_workspace_1' and is_managed"))
			.isEqualTo(5);
		assertThat(count("select count(*) from connected_accounts where workspace_id = 'seed_workspace_1'"))
			.isEqualTo(3);
		assertThat(count("select count(*) from events where workspace_id = 'seed_workspace_1'")).isEqualTo(1);
		assertThat(count("""
				select count(*) from events where workspace_id = 'seed_workspace_1' and event_type = 'device.connected'
				  and device_id = 'august_device_1' and connected_account_id = 'john_connected_account_id'"""))
			.isEqualTo(1);
		assertThat(count("select count(*) from client_sessions where workspace_id = 'seed_workspace_1'")).isEqualTo(1);
		assertThat(count("select count(*) from api_keys where workspace_id like 'seed\\_workspace\\_%'")).isEqualTo(2);
		// The second workspace holds nothing but its API key.
		for (String table : List.of("devices", "connected_accounts", "connect_webviews", "user_identities", "events",
				"client_sessions")) {
			assertThat(count("select count(*) from " + table + " where workspace_id = 'seed_workspace_2'")).as(table)
				.isZero();
		}
	}

	@Test
	void resetWhenCalledTwiceThenSameFixture() {
		anonymous().post("/_sandbox/reset").then().statusCode(200);
		anonymous().post("/_sandbox/reset").then().statusCode(200);

		assertThat(count("select count(*) from workspaces where workspace_id like 'seed\\_workspace\\_%'"))
			.isEqualTo(2);
		assertThat(count("select count(*) from client_sessions where client_session_id = 'cst1'")).isEqualTo(1);
		asWorkspace1().queryParam("client_session_id", "cst1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.device_count", equalTo(4));
	}

	@Test
	void defaultSeedWhenRequestedThenReturnsFixtureNameToValueMap() {
		JsonPath seed = anonymous().get("/_fake/default_seed").then().statusCode(200).extract().jsonPath();

		assertThat(seed.getString("seed_workspace_1")).isEqualTo("seed_workspace_1");
		assertThat(seed.getString("seed_workspace_2")).isEqualTo("seed_workspace_2");
		assertThat(seed.getString("seam_cst1_token")).isEqualTo(SEED_CST);
		assertThat(seed.getString("seam_apikey1_token")).isEqualTo(API_KEY_1);
		assertThat(seed.getString("seam_apikey2_token")).isEqualTo(API_KEY_2);
		assertThat(seed.getString("seam_pk1_token")).isEqualTo("seam_pk1_token");
		assertThat(seed.getString("schlage_device_1")).isEqualTo("schlage_device_id");
		assertThat(seed.getString("john_connected_account_id")).isEqualTo("john_connected_account_id");
		assertThat(seed.getString("client_session1")).isEqualTo("cst1");
		anonymous().post("/_fake/default_seed")
			.then()
			.statusCode(200)
			.body("schlage_device_1", equalTo("schlage_device_id"));
	}

	@Test
	void apiKeysWhenSeededThenOnlyHashesAreStored() {
		assertThat(count("select count(*) from api_keys k where k::text like '%seam\\_apikey%'")).isZero();
		assertThat(this.jdbc.sql("select token_hash from api_keys where api_key_id = 'api_key1'")
			.query(String.class)
			.single()).isEqualTo(Hashes.sha256Hex(API_KEY_1));
		assertThat(this.jdbc.sql("select token_hash from api_keys where api_key_id = 'api_key2'")
			.query(String.class)
			.single()).isEqualTo(Hashes.sha256Hex(API_KEY_2));
		// The hash is what authentication looks up.
		asWorkspace1().get("/client_sessions/list").then().statusCode(200);
	}

	private Object revokedAtOfCst1() {
		return this.jdbc.sql("select revoked_at from client_sessions where client_session_id = 'cst1'")
			.query((rs, rowNum) -> rs.getObject(1))
			.list()
			.get(0);
	}

	@Test
	void simulateWorkspaceOutageWhenRoutesNamedThenThoseAnswer503WithoutBodyUntilReset() {
		anonymous().body("{\"workspace_id\":\"seed_workspace_1\",\"routes\":[\"/devices/list\"]}")
			.post("/_fake/simulate_workspace_outage")
			.then()
			.statusCode(200);
		for (String method : List.of("GET", "POST")) {
			byte[] body = RestAssured.given()
				.header("Authorization", "Bearer " + API_KEY_1)
				.request(method, "/devices/list")
				.then()
				.statusCode(503)
				.header("seam-request-id", notNullValue())
				.extract()
				.asByteArray();
			assertThat(body).isEmpty();
		}
		asWorkspace1().queryParam("device_id", "august_device_1").get("/devices/get").then().statusCode(200);
		asWorkspace2().get("/devices/list").then().statusCode(200);
		anonymous().get("/devices/list").then().statusCode(401);
		anonymous().post("/_sandbox/reset").then().statusCode(200);
		asWorkspace1().get("/devices/list").then().statusCode(200);
	}

	@Test
	void simulateWorkspaceOutageWhenEmptyRoutesThenOutageEnds() {
		anonymous().body("{\"workspace_id\":\"seed_workspace_1\",\"routes\":[\"/devices/list\"]}")
			.post("/_fake/simulate_workspace_outage")
			.then()
			.statusCode(200);
		anonymous().body("{\"workspace_id\":\"seed_workspace_1\",\"routes\":[]}")
			.post("/_fake/simulate_workspace_outage")
			.then()
			.statusCode(200);
		asWorkspace1().get("/devices/list").then().statusCode(200);
	}

	@Test
	void simulateWorkspaceOutageWhenUnknownWorkspaceOrBadInputThenRefusedAndNoOutage() {
		anonymous().body("{\"workspace_id\":\"no_such_workspace\",\"routes\":[\"/devices/list\"]}")
			.post("/_fake/simulate_workspace_outage")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("workspace_not_found"));
		anonymous().body("{\"workspace_id\":\"seed_workspace_1\"}")
			.post("/_fake/simulate_workspace_outage")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		anonymous().body("{\"workspace_id\":\"seed_workspace_1\",\"routes\":\"/devices/list\"}")
			.post("/_fake/simulate_workspace_outage")
			.then()
			.statusCode(400);
		anonymous().get("/_fake/simulate_workspace_outage").then().statusCode(405);
		asWorkspace1().get("/devices/list").then().statusCode(200);
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}
