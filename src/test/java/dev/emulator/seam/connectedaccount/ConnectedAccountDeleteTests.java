package dev.emulator.seam.connectedaccount;

import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code /connected_accounts/delete} (BEHAVIOUR 4.8): devices, sessions and the event
 * follow the account.
 */
class ConnectedAccountDeleteTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "API_KEY", "PERSONAL_ACCESS_TOKEN" })
	void deleteWhenWorkspaceCredentialThenAccountAndItsDevicesAreGone(Credential credential) {
		credential.request()
			.queryParam("connected_account_id", "jane_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		asWorkspace1().queryParam("connected_account_id", "jane_connected_account_id")
			.get("/connected_accounts/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connected_account_not_found"));
		asWorkspace1().queryParam("device_id", "schlage_device_id")
			.get("/devices/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		asWorkspace1().get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id",
					contains("august_device_1", "august_device_2", "ecobee_device_1", "minut_device_1"));
	}

	@Test
	void deleteWhenPostBodyThenDeleted() {
		asWorkspace1().body("{\"connected_account_id\":\"jane_connected_account_id\",\"sync\":true}")
			.post("/connected_accounts/delete")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		assertThat(accountExists("jane_connected_account_id")).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class,
			names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER", "PUBLISHABLE_KEY" })
	void deleteWhenClientSessionOrPublishableKeyThenUnauthorizedAndNothingDeleted(Credential credential) {
		credential.request()
			.queryParam("connected_account_id", "john_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		assertThat(accountExists("john_connected_account_id")).isTrue();
	}

	@Test
	void deleteWhenNoCredentialThenUnauthorized() {
		anonymous().queryParam("connected_account_id", "jane_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(401);
		assertThat(accountExists("jane_connected_account_id")).isTrue();
	}

	@Test
	void deleteWhenOtherWorkspaceThenNotFoundAndNothingDeleted() {
		asWorkspace2().queryParam("connected_account_id", "jane_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connected_account_not_found"));
		assertThat(accountExists("jane_connected_account_id")).isTrue();
		assertThat(deletedEvents("jane_connected_account_id")).isZero();
	}

	@Test
	void deleteWhenUnknownAccountThenConnectedAccountNotFound() {
		asWorkspace1().queryParam("connected_account_id", "nope")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connected_account_not_found"))
			.body("error.message", equalTo("Connected account not found"));
	}

	@Test
	void deleteWhenAlreadyDeletedThenConnectedAccountNotFound() {
		asWorkspace1().queryParam("connected_account_id", "jane_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(200);
		asWorkspace1().queryParam("connected_account_id", "jane_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(404);
		assertThat(deletedEvents("jane_connected_account_id")).isEqualTo(1);
	}

	@Test
	void deleteWhenNoIdThenInvalidInput() {
		asWorkspace1().delete("/connected_accounts/delete")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("connected_account_id is required"));
	}

	@Test
	void deleteWhenWrongMethodThenMethodNotAllowed() {
		asWorkspace1().queryParam("connected_account_id", "jane_connected_account_id")
			.get("/connected_accounts/delete")
			.then()
			.statusCode(405)
			.body("error.type", equalTo("method_not_allowed"));
		assertThat(accountExists("jane_connected_account_id")).isTrue();
	}

	@Test
	void deleteWhenAccountDeletedThenConnectedAccountDeletedEventIsRecorded() {
		asWorkspace1().queryParam("connected_account_id", "jane_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(200);
		Map<String, Object> event = this.jdbc.sql("""
				select workspace_id, event_description, payload::text as payload, created_at = occurred_at as same_time
				from events where event_type = 'connected_account.deleted'
				  and connected_account_id = 'jane_connected_account_id'""").query().singleRow();
		assertThat(event).containsEntry("workspace_id", "seed_workspace_1")
			.containsEntry("event_description", "A connected account was deleted.")
			.containsEntry("same_time", true);
		assertThat((String) event.get("payload")).contains("\"connected_account_type\": \"schlage\"")
			.contains("\"connected_account_custom_metadata\": {}");
	}

	@Test
	void deleteWhenSessionHeldTheAccountThenSessionLosesItAndItsDevices() {
		JsonPath created = asWorkspace1().body("""
				{"user_identifier_key":"delete_test_user",
				 "connected_account_ids":["john_connected_account_id","jane_connected_account_id"]}""")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.device_count", equalTo(5))
			.extract()
			.jsonPath();
		String sessionId = created.getString("client_session.client_session_id");
		String token = created.getString("client_session.token");
		asSession(token).get("/devices/list").then().statusCode(200).body("devices.size()", equalTo(5));

		asWorkspace1().queryParam("connected_account_id", "jane_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(200);

		asWorkspace1().queryParam("client_session_id", sessionId)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids", contains("john_connected_account_id"))
			.body("client_session.device_count", equalTo(4));
		asSession(token).get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts.connected_account_id", contains("john_connected_account_id"));
		asSession(token).get("/devices/list").then().statusCode(200).body("devices.size()", equalTo(4));
		// The seed session never held the account and is untouched.
		asWorkspace1().queryParam("client_session_id", "cst1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids", contains("john_connected_account_id"))
			.body("client_session.device_count", equalTo(4));
	}

	@Test
	void deleteWhenSeedSessionsAccountDeletedThenItsTokenSeesNothing() {
		asWorkspace1().queryParam("connected_account_id", "john_connected_account_id")
			.delete("/connected_accounts/delete")
			.then()
			.statusCode(200);
		Credential.CLIENT_SESSION_BEARER.request()
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.size()", equalTo(0));
		Credential.CLIENT_SESSION_BEARER.request()
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids.size()", equalTo(0))
			.body("client_session.device_count", equalTo(0));
	}

	private static RequestSpecification asSession(String token) {
		return anonymous().header("Authorization", "Bearer " + token);
	}

	private boolean accountExists(String id) {
		return this.jdbc.sql("select count(*) from connected_accounts where connected_account_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single() > 0;
	}

	private int deletedEvents(String id) {
		return this.jdbc.sql("""
				select count(*) from events
				where event_type = 'connected_account.deleted' and connected_account_id = :id""")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
