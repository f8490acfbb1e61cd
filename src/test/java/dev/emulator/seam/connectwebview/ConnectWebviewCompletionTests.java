package dev.emulator.seam.connectwebview;

import java.util.List;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.emulator.seam.connectwebview.ConnectWebviewRoutesTests.withCst;
import static dev.emulator.seam.connectwebview.ConnectWebviewRoutesTests.withPat;
import static dev.emulator.seam.connectwebview.ConnectWebviewRoutesTests.withPublishableKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code POST /_sandbox/connect_webviews/complete}: a user finishing a webview connects
 * an account with devices, and every session holding the webview, and only those, gains
 * it (BEHAVIOUR 4.8).
 */
class ConnectWebviewCompletionTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void completeWhenWebviewHeldByTwoSessionsThenBothGainAccountAndOthersDoNot() {
		String webview = createWebview("{}");
		String holderA = createSession("{\"user_identifier_key\":\"a\",\"connect_webview_ids\":[\"" + webview + "\"]}");
		String holderB = createSession("{\"user_identifier_key\":\"b\",\"connect_webview_ids\":[\"" + webview + "\"]}");
		String other = createSession(
				"{\"user_identifier_key\":\"c\",\"connected_account_ids\":[\"jane_connected_account_id\"]}");

		JsonPath completed = asWorkspace1().body("{\"connect_webview_id\":\"" + webview + "\",\"device_count\":3}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("connect_webview.connect_webview_id", equalTo(webview))
			.body("connect_webview.status", equalTo("authorized"))
			.body("connect_webview.login_successful", equalTo(true))
			.body("connect_webview.selected_provider", equalTo("august"))
			.body("connect_webview.authorized_at", notNullValue())
			.body("device_ids", hasSize(3))
			.extract()
			.jsonPath();
		String account = completed.getString("connected_account_id");
		assertThat(completed.getString("connect_webview.connected_account_id")).isEqualTo(account);

		for (String token : List.of(holderA, holderB)) {
			withCst(token).get("/client_sessions/get")
				.then()
				.statusCode(200)
				.body("client_session.connected_account_ids", contains(account))
				.body("client_session.device_count", equalTo(3));
		}
		withCst(other).get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids", contains("jane_connected_account_id"))
			.body("client_session.device_count", equalTo(1));
		// The seed session holds another webview, so it does not gain the account either.
		withCst(SEED_CST).get("/client_sessions/get")
			.then()
			.body("client_session.connected_account_ids", not(hasItem(account)))
			.body("client_session.device_count", equalTo(4));
	}

	@Test
	void completeWhenSessionCreatedWebviewThenSessionSeesAccountDevicesAndEvents() {
		String webview = withCst(SEED_CST).body("{\"accepted_providers\":[\"schlage\"]}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.extract()
			.path("connect_webview.connect_webview_id");
		String account = withPat().body("{\"connect_webview_id\":\"" + webview + "\",\"email\":\"jo@example.com\"}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(200)
			.body("connect_webview.selected_provider", equalTo("schlage"))
			.extract()
			.path("connected_account_id");

		withCst(SEED_CST).get("/client_sessions/get")
			.then()
			.body("client_session.connected_account_ids", contains("john_connected_account_id", account))
			.body("client_session.device_count", equalTo(6));
		withCst(SEED_CST).queryParam("connect_webview_id", webview)
			.get("/connect_webviews/get")
			.then()
			.statusCode(200)
			.body("connect_webview.status", equalTo("authorized"))
			.body("connect_webview.connected_account_id", equalTo(account));
		withCst(SEED_CST).queryParam("since", "2020-01-01T00:00:00.000Z")
			.queryParam("connected_account_id", account)
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("events.event_type",
					contains("connect_webview.login_succeeded", "connected_account.connected", "device.connected",
							"device.connected"))
			.body("events[0].connect_webview_id", equalTo(webview))
			.body("events[0].connected_account_id", equalTo(account))
			.body("events[2].connected_account_id", equalTo(account))
			.body("events[2].device_id", notNullValue());

		String row = this.jdbc.sql("""
				select provider || ' ' || display_name || ' ' || (user_identifier ->> 'email')
				from connected_accounts where workspace_id = 'seed_workspace_1' and connected_account_id = :id""")
			.param("id", account)
			.query(String.class)
			.single();
		assertThat(row).isEqualTo("schlage jo@example.com jo@example.com");
		List<String> devices = this.jdbc.sql("""
				select device_type || ' ' || is_managed || ' ' || (properties ->> 'online') || ' '
				       || (properties -> 'appearance' ->> 'name') || ' ' || (properties ->> 'locked')
				from devices where workspace_id = 'seed_workspace_1' and connected_account_id = :id
				order by created_at""").param("id", account).query(String.class).list();
		assertThat(devices).containsExactly("schlage_lock true true Schlage Lock 1 true",
				"schlage_lock true true Schlage Lock 2 true");
	}

	@Test
	void completeWhenWebviewHasMetadataThenAccountAndEventsCarryIt() {
		String webview = createWebview("{\"custom_metadata\":{\"team\":\"a\"},\"customer_key\":\"cust\"}");
		String account = complete(webview, "{\"connect_webview_id\":\"" + webview + "\",\"device_count\":1}");
		asWorkspace1().queryParam("since", "2020-01-01T00:00:00.000Z")
			.queryParam("event_type", "connected_account.connected")
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("events", hasSize(1))
			.body("events[0].keySet()",
					containsInAnyOrder("event_id", "event_type", "workspace_id", "created_at", "occurred_at",
							"event_description", "connected_account_id", "connect_webview_id",
							"connected_account_custom_metadata", "customer_key"))
			.body("events[0].connected_account_custom_metadata.team", equalTo("a"))
			.body("events[0].customer_key", equalTo("cust"));
		String metadata = this.jdbc.sql("""
				select custom_metadata ->> 'team' from connected_accounts
				where workspace_id = 'seed_workspace_1' and connected_account_id = :id""")
			.param("id", account)
			.query(String.class)
			.single();
		assertThat(metadata).isEqualTo("a");
	}

	@Test
	void completeWhenProviderWithoutLockTypeThenAugustLocks() {
		String webview = createWebview("{\"accepted_providers\":[\"nuki\"]}");
		String account = complete(webview, "{\"connect_webview_id\":\"" + webview + "\",\"device_count\":1}");
		String deviceType = this.jdbc
			.sql("""
					select device_type from devices where workspace_id = 'seed_workspace_1' and connected_account_id = :id""")
			.param("id", account)
			.query(String.class)
			.single();
		assertThat(deviceType).isEqualTo("august_lock");
	}

	@Test
	void completeWhenLocksConnectedThenTheirModelReadsAsManufacturerThenModel() {
		// Seam Components show "<manufacturer_display_name> <display_name>" under each
		// device's name, as Seam's models read: "Schlage Smart Lock", not "Schlage
		// Schlage
		// Lock".
		String webview = createWebview("{\"accepted_providers\":[\"schlage\"]}");
		String account = complete(webview, "{\"connect_webview_id\":\"" + webview + "\",\"device_count\":1}");
		asWorkspace1().queryParam("connected_account_id", account)
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.properties.model.manufacturer_display_name", contains("Schlage"))
			.body("devices.properties.model.display_name", contains("Smart Lock"));
	}

	@Test
	void completeWhenAlreadyAuthorizedThenSameAccountAndNothingNew() {
		String webview = createWebview("{}");
		String body = "{\"connect_webview_id\":\"" + webview + "\"}";
		String account = complete(webview, body);
		asWorkspace1().body(body)
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(200)
			.body("connected_account_id", equalTo(account))
			.body("device_ids", hasSize(2));
		Integer accounts = this.jdbc
			.sql("select count(*) from connected_accounts where workspace_id = 'seed_workspace_1'")
			.query(Integer.class)
			.single();
		assertThat(accounts).isEqualTo(4);
	}

	@Test
	void completeWhenProviderNotAcceptedThenInvalidInput() {
		String webview = createWebview("{\"accepted_providers\":[\"august\"]}");
		asWorkspace1().body("{\"connect_webview_id\":\"" + webview + "\",\"provider\":\"schlage\"}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
	}

	@Test
	void completeWhenInvalidParamsThenInvalidInput() {
		asWorkspace1().body("{}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(400)
			.body("error.message", equalTo("connect_webview_id is required"));
		asWorkspace1().body("{\"connect_webview_id\":\"connect_webview1\",\"device_count\":\"2\"}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(400)
			.body("error.message", equalTo("Expected number, received string for \"device_count\""));
	}

	@Test
	void completeWhenUnknownOrOtherWorkspaceThenNotFound() {
		String webview = createWebview("{}");
		asWorkspace1().body("{\"connect_webview_id\":\"no_such_webview\"}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connect_webview_not_found"));
		asWorkspace2().body("{\"connect_webview_id\":\"" + webview + "\"}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connect_webview_not_found"));
		asWorkspace1().queryParam("connect_webview_id", webview)
			.get("/connect_webviews/get")
			.then()
			.body("connect_webview.status", equalTo("pending"));
	}

	@Test
	void completeWhenClientSessionTokenOrPublishableKeyThenUnauthorized() {
		String webview = createWebview("{}");
		String body = "{\"connect_webview_id\":\"" + webview + "\"}";
		withCst(SEED_CST).body(body)
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		withPublishableKey().body(body)
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	private String complete(String webview, String body) {
		return asWorkspace1().body(body)
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(200)
			.body("connect_webview.connect_webview_id", equalTo(webview))
			.extract()
			.path("connected_account_id");
	}

	private static String createWebview(String body) {
		return asWorkspace1().body(body)
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.extract()
			.path("connect_webview.connect_webview_id");
	}

	private static String createSession(String body) {
		return asWorkspace1().body(body)
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
	}

}
