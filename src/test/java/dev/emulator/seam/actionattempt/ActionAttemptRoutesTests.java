package dev.emulator.seam.actionattempt;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.SeamOpenApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code /action_attempts/get} and {@code /list}: who may read which attempt, and what a
 * read shows.
 */
class ActionAttemptRoutesTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void getWhenAcceptedCredentialThenAttemptByGetAndPost(Credential credential) {
		String id = unlock("august_device_1");
		as(credential).queryParam("action_attempt_id", id)
			.get("/action_attempts/get")
			.then()
			.statusCode(200)
			.body("action_attempt.action_attempt_id", equalTo(id))
			.body("action_attempt.action_type", equalTo("UNLOCK_DOOR"));
		as(credential).body("{\"action_attempt_id\":\"" + id + "\"}")
			.post("/action_attempts/get")
			.then()
			.statusCode(200)
			.body("action_attempt.action_attempt_id", equalTo(id));
	}

	@Test
	void getWhenDueThenSuccessOnTheReadThatFindsItDue() {
		String id = unlock("august_device_1");
		this.jdbc
			.sql("update action_attempts set completes_at = now() - interval '1 second' where action_attempt_id = :id")
			.param("id", id)
			.update();
		as(Credential.API_KEY).queryParam("action_attempt_id", id)
			.get("/action_attempts/get")
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("success"))
			.body("action_attempt.error", nullValue());
	}

	@Test
	void getWhenNotDueThenPending() {
		// Stored directly: started through the API, it could be carried out before a test
		// made it due later.
		this.jdbc.sql("""
				insert into action_attempts (action_attempt_id, workspace_id, action_type, status, device_id,
				                             connected_account_id, created_at, completes_at)
				values ('later_attempt', 'seed_workspace_1', 'UNLOCK_DOOR', 'pending', 'august_device_1',
				        'john_connected_account_id', now(), now() + interval '1 hour')
				""").update();
		as(Credential.CLIENT_SESSION_BEARER).queryParam("action_attempt_id", "later_attempt")
			.get("/action_attempts/get")
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("pending"))
			.body("action_attempt.result", nullValue())
			.body("action_attempt.error", nullValue());
		assertThat(this.jdbc
			.sql("select (properties ->> 'locked')::boolean from devices where device_id = 'august_device_1'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER" })
	void getWhenClientSessionAndAttemptOnAnotherUsersDeviceThenUnauthorized(Credential credential) {
		String id = unlock("schlage_device_id");
		as(credential).queryParam("action_attempt_id", id)
			.get("/action_attempts/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenOtherWorkspaceOrUnknownThenNotFound() {
		String id = unlock("august_device_1");
		asWorkspace2().queryParam("action_attempt_id", id)
			.get("/action_attempts/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("action_attempt_not_found"));
		as(Credential.API_KEY).queryParam("action_attempt_id", "no_such_attempt")
			.get("/action_attempts/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("action_attempt_not_found"));
	}

	@Test
	void getWhenNoIdOrPublishableKeyThenRefused() {
		as(Credential.API_KEY).get("/action_attempts/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("action_attempt_id is required"));
		as(Credential.PUBLISHABLE_KEY).queryParam("action_attempt_id", "x")
			.get("/action_attempts/get")
			.then()
			.statusCode(401);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "API_KEY", "PERSONAL_ACCESS_TOKEN" })
	void listWhenWorkspaceCredentialThenAttemptsByIdsOrDevice(Credential credential) {
		String first = unlock("august_device_1");
		String second = unlock("schlage_device_id");
		as(credential).queryParam("action_attempt_ids", first + "," + second)
			.get("/action_attempts/list")
			.then()
			.statusCode(200)
			.body("action_attempts.action_attempt_id", containsInAnyOrder(first, second))
			.body("pagination.has_next_page", equalTo(false));
		as(credential).body("{\"device_id\":\"schlage_device_id\"}")
			.post("/action_attempts/list")
			.then()
			.statusCode(200)
			.body("action_attempts.action_attempt_id", contains(second));
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class,
			names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER", "PUBLISHABLE_KEY" })
	void listWhenClientSessionOrPublishableKeyThenUnauthorized(Credential credential) {
		String id = unlock("august_device_1");
		as(credential).body("{\"action_attempt_ids\":[\"" + id + "\"]}")
			.post("/action_attempts/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void listWhenOtherWorkspaceThenNone() {
		String id = unlock("august_device_1");
		asWorkspace2().body("{\"action_attempt_ids\":[\"" + id + "\"]}")
			.post("/action_attempts/list")
			.then()
			.statusCode(200)
			.body("action_attempts.size()", equalTo(0));
	}

	@Test
	void listWhenBadInputThenInvalidInput() {
		as(Credential.API_KEY).body("{\"action_attempt_ids\":\"abc\"}")
			.post("/action_attempts/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		as(Credential.API_KEY).body("{\"limit\":0}").post("/action_attempts/list").then().statusCode(400);
	}

	@Test
	void attemptWhenStoredThenReadBackFromPostgresql() {
		String id = unlock("august_device_1");
		String type = this.jdbc.sql("select action_type from action_attempts where action_attempt_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(type).isEqualTo("UNLOCK_DOOR");
	}

	private String unlock(String deviceId) {
		return as(Credential.API_KEY).body("{\"device_id\":\"" + deviceId + "\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(200)
			.extract()
			.path("action_attempt.action_attempt_id");
	}

}
