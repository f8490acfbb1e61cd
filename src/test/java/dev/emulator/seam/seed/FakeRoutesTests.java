package dev.emulator.seam.seed;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The routes of Seam's fake that the official SDK's own tests use (BEHAVIOUR 7.5), with
 * the seed on: {@code /_fake/update_action_attempt} holds an action attempt pending or
 * ends it as told, and {@code /_fake/database} shows the seed workspaces' devices and
 * attempts. Refusals from another machine are in {@code HostileClientTests}, and without
 * the seed in {@link SandboxDisabledTests}.
 */
class FakeRoutesTests extends ApiTest {

	private static final String UPDATE = "/_fake/update_action_attempt";

	@Autowired
	JdbcClient jdbc;

	@Test
	void updateWhenToldPendingThenHeldPastItsDelayUntilToldSuccess() throws InterruptedException {
		String id = asWorkspace1().body("{\"device_id\":\"august_device_1\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("pending"))
			.extract()
			.path("action_attempt.action_attempt_id");

		tell(id, "pending").then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("action_attempt.action_attempt_id", equalTo(id))
			.body("action_attempt.status", equalTo("pending"))
			.body("action_attempt.result", nullValue())
			.body("action_attempt.error", nullValue());
		// Twice the completion delay (500 ms) and more than the poller's interval.
		Thread.sleep(1_200);
		for (int read = 0; read < 2; read++) {
			asWorkspace1().queryParam("action_attempt_id", id)
				.get("/action_attempts/get")
				.then()
				.statusCode(200)
				.body("action_attempt.status", equalTo("pending"));
		}

		tell(id, "success").then().statusCode(200).body("action_attempt.status", equalTo("success"));
		asWorkspace1().queryParam("action_attempt_id", id)
			.get("/action_attempts/get")
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("success"))
			.body("action_attempt.error", nullValue());
		assertThat(locked("august_device_1")).isFalse();
	}

	@Test
	void updateWhenToldSuccessThenTheChangeIsMadeOnceWithItsResult() {
		String id = pendingUnlock("held_unlock");

		tell(id, "success").then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("success"))
			.body("action_attempt.action_type", equalTo("UNLOCK_DOOR"))
			.body("action_attempt.result.was_confirmed_by_device", equalTo(true))
			.body("action_attempt.error", nullValue());
		assertThat(locked("august_device_1")).isFalse();
		assertThat(unlockedEvents(id)).isEqualTo(1);

		// Reopened, then told success again: the door was unlocked already.
		tell(id, "pending").then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("pending"))
			.body("action_attempt.result", nullValue());
		this.jdbc.sql("update devices set properties = properties || '{\"locked\": true}' where device_id = :id")
			.param("id", "august_device_1")
			.update();
		anonymous().body("{\"action_attempt_id\":\"" + id + "\",\"status\":\"success\"}")
			.patch(UPDATE)
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("success"))
			.body("action_attempt.result", equalTo(Map.of()));
		assertThat(locked("august_device_1")).isTrue();
		assertThat(unlockedEvents(id)).isEqualTo(1);
	}

	@Test
	void updateWhenToldSuccessWithAResultThenThatResult() {
		String id = pendingUnlock("held_unlock");

		anonymous()
			.body("{\"action_attempt_id\":\"" + id
					+ "\",\"status\":\"success\",\"result\":{\"was_confirmed_by_device\":false}}")
			.post(UPDATE)
			.then()
			.statusCode(200)
			.body("action_attempt.result.was_confirmed_by_device", equalTo(false));
		assertThat(locked("august_device_1")).isFalse();
	}

	@Test
	void updateWhenToldErrorThenItEndsSoAndTheChangeIsNotMade() {
		String id = pendingUnlock("held_unlock");

		anonymous()
			.body("{\"action_attempt_id\":\"" + id
					+ "\",\"status\":\"error\",\"error\":{\"type\":\"foo\",\"message\":\"Failed\"}}")
			.post(UPDATE)
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("error"))
			.body("action_attempt.result", nullValue())
			.body("action_attempt.error.type", equalTo("foo"))
			.body("action_attempt.error.message", equalTo("Failed"));
		asWorkspace1().queryParam("action_attempt_id", id)
			.get("/action_attempts/get")
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("error"))
			.body("action_attempt.error.type", equalTo("foo"));
		assertThat(locked("august_device_1")).isTrue();
		assertThat(unlockedEvents(id)).isZero();
	}

	@Test
	void updateWhenBadInputThenInvalidInputAndNothingChanged() {
		String id = pendingUnlock("held_unlock");
		String before = stored(id);

		for (String body : List.of("{}", "{\"status\":\"success\"}", "{\"action_attempt_id\":\"" + id + "\"}",
				"{\"action_attempt_id\":\"" + id + "\",\"status\":\"done\"}",
				"{\"action_attempt_id\":\"" + id + "\",\"status\":\"error\"}",
				"{\"action_attempt_id\":\"" + id + "\",\"status\":\"error\",\"error\":\"Failed\"}",
				"{\"action_attempt_id\":\"" + id + "\",\"status\":\"error\",\"error\":{\"type\":\"foo\"}}",
				"{\"action_attempt_id\":\"" + id
						+ "\",\"status\":\"error\",\"error\":{\"type\":1,\"message\":\"Failed\"}}",
				"{\"action_attempt_id\":\"" + id + "\",\"status\":\"success\",\"result\":\"ok\"}",
				"{\"action_attempt_id\":1,\"status\":\"pending\"}", "[]")) {
			anonymous().body(body).post(UPDATE).then().statusCode(400).body("error.type", equalTo("invalid_input"));
		}
		anonymous().queryParam("action_attempt_id", id)
			.queryParam("status", "pending")
			.get(UPDATE)
			.then()
			.statusCode(405);
		assertThat(stored(id)).isEqualTo(before);
	}

	@Test
	void updateWhenUnknownOrOutsideTheSeedWorkspacesThenNotFoundAndNothingChanged() {
		tell("no_such_attempt", "success").then()
			.statusCode(404)
			.body("error.type", equalTo("action_attempt_not_found"));

		String workspace = RestAssured.given()
			.contentType(ContentType.JSON)
			.header("seam-admin-token", ADMIN_TOKEN)
			.body("{\"name\":\"Not a seed workspace\"}")
			.post("/_admin/workspaces/create")
			.then()
			.statusCode(200)
			.extract()
			.path("workspace.workspace_id");
		// The workspace outlives the test (/_sandbox/reset clears only the seed's), and
		// so
		// does its attempt: a fresh id each run.
		String id = "other_workspace_attempt_" + UUID.randomUUID();
		this.jdbc.sql("""
				insert into action_attempts (action_attempt_id, workspace_id, action_type, status, created_at,
				                             completes_at)
				values (:id, :workspace, 'UNLOCK_DOOR', 'pending', now(), now() + interval '1 hour')
				""").param("id", id).param("workspace", workspace).update();
		String before = stored(id);

		tell(id, "success").then().statusCode(404).body("error.type", equalTo("action_attempt_not_found"));
		assertThat(stored(id)).isEqualTo(before);
	}

	@Test
	void databaseWhenSeedThenTheSeedWorkspacesDevicesAsListedAndTheirAttempts() {
		String id = pendingUnlock("held_unlock");

		JsonPath database = anonymous().get("/_fake/database").then().statusCode(200).extract().jsonPath();

		assertThat(database.getList("workspace_ids")).containsExactly("seed_workspace_1", "seed_workspace_2");
		JsonPath listed = asWorkspace1().get("/devices/list").then().statusCode(200).extract().jsonPath();
		assertThat(database.getList("devices.device_id")).isEqualTo(listed.getList("devices.device_id")).hasSize(5);
		assertThat(database.getList("devices")).isEqualTo(listed.getList("devices"));
		assertThat(database.getList("action_attempts.action_attempt_id")).containsExactly(id);
		assertThat(database.getString("action_attempts[0].status")).isEqualTo("pending");
		// A read only: the fake's PUT and POST, which replace its store, are not taken.
		anonymous().post("/_fake/database").then().statusCode(405);
		anonymous().put("/_fake/database").then().statusCode(405);
	}

	@Test
	void databaseWhenSeedWorkspaceTwoGainsDevicesThenTheyAreThereToo() {
		String webview = asWorkspace2().body("{}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.extract()
			.path("connect_webview.connect_webview_id");
		asWorkspace2().body("{\"connect_webview_id\":\"" + webview + "\",\"device_count\":1}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(200);

		JsonPath database = anonymous().get("/_fake/database").then().statusCode(200).extract().jsonPath();

		assertThat(database.getList("devices.workspace_id", String.class)).hasSize(6)
			.containsOnly("seed_workspace_1", "seed_workspace_2");
	}

	private Response tell(String id, String status) {
		return anonymous().body("{\"action_attempt_id\":\"" + id + "\",\"status\":\"" + status + "\"}").post(UPDATE);
	}

	/**
	 * An unlock of {@code august_device_1} not due for an hour, stored directly: started
	 * through the API it could be carried out before the test tells it anything.
	 */
	private String pendingUnlock(String id) {
		this.jdbc.sql("""
				insert into action_attempts (action_attempt_id, workspace_id, action_type, status, device_id,
				                             connected_account_id, created_at, completes_at)
				values (:id, 'seed_workspace_1', 'UNLOCK_DOOR', 'pending', 'august_device_1',
				        'john_connected_account_id', now(), now() + interval '1 hour')
				""").param("id", id).update();
		return id;
	}

	private String stored(String id) {
		return this.jdbc.sql("select a::text from action_attempts a where action_attempt_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private boolean locked(String deviceId) {
		return this.jdbc.sql("select (properties ->> 'locked')::boolean from devices where device_id = :id")
			.param("id", deviceId)
			.query(Boolean.class)
			.single();
	}

	private int unlockedEvents(String actionAttemptId) {
		return this.jdbc.sql("""
				select count(*) from events where event_type = 'lock.unlocked'
				and workspace_id = 'seed_workspace_1' and payload ->> 'action_attempt_id' = :id""")
			.param("id", actionAttemptId)
			.query(Integer.class)
			.single();
	}

}
