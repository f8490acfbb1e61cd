package dev.emulator.seam.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * {@code /events/list} and {@code /events/get}: an API key or personal access token sees
 * its workspace's events, a client session token only those about what its session owns
 * (BEHAVIOUR 4.6).
 */
class EventRoutesTests extends ApiTest {

	private static final String LONG_AGO = "2020-01-01T00:00:00.000Z";

	// list

	@Test
	void listWhenApiKeyThenSeedEventWithItsMembers() {
		asWorkspace1().queryParam("since", LONG_AGO)
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("events", hasSize(1))
			.body("events[0].event_id", equalTo("event1"))
			.body("events[0].event_type", equalTo("device.connected"))
			.body("events[0].workspace_id", equalTo("seed_workspace_1"))
			.body("events[0].device_id", equalTo("august_device_1"))
			.body("events[0].connected_account_id", equalTo("john_connected_account_id"))
			.body("events[0].event_description", equalTo("A new device has been connected to Seam"))
			.body("events[0]", hasKey("created_at"))
			.body("events[0]", hasKey("occurred_at"))
			.body("events[0]", not(hasKey("connect_webview_id")))
			.body("events[0]", not(hasKey("client_session_id")))
			.body("events[0].keySet()",
					containsInAnyOrder("event_id", "event_type", "workspace_id", "created_at", "occurred_at",
							"event_description", "device_id", "connected_account_id"))
			.body("$", not(hasKey("pagination")));
	}

	@Test
	void listWhenPersonalAccessTokenWithBodyThenWorkspaceEvents() {
		withPat().body("{\"since\":\"" + LONG_AGO + "\"}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.event_id", contains("event1"));
	}

	@Test
	void listWhenSessionOwnsTheAccountThenSeesSeedEvent() {
		withCst(SEED_CST).queryParam("since", LONG_AGO)
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("events.event_id", contains("event1"));
	}

	@Test
	void listWhenSessionWithoutAccountsThenSeedEventHidden() {
		String token = createSession("{\"user_identifier_key\":\"empty-user\"}");
		withCst(token).queryParam("since", LONG_AGO).get("/events/list").then().statusCode(200).body("events", empty());
		// an account of the same workspace that is not the session's does not help either
		String jane = createSession(
				"{\"user_identifier_key\":\"jane\",\"connected_account_ids\":[\"jane_connected_account_id\"]}");
		withCst(jane).queryParam("since", LONG_AGO).get("/events/list").then().body("events", empty());
	}

	@Test
	void listWhenClientSessionDeletedThenEventForApiKeyButNotForOtherSessions() {
		String since = Instant.now().minus(1, ChronoUnit.SECONDS).toString();
		String id = asWorkspace1().body("{\"user_identifier_key\":\"to-delete\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		asWorkspace1().queryParam("client_session_id", id).delete("/client_sessions/delete").then().statusCode(200);
		asWorkspace1().queryParam("since", since)
			.queryParam("event_type", "client_session.deleted")
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("events", hasSize(1))
			.body("events[0].client_session_id", equalTo(id))
			.body("events[0].event_description", equalTo("A client session was deleted."))
			.body("events[0]", not(hasKey("device_id")));
		withCst(SEED_CST).queryParam("since", since)
			.get("/events/list")
			.then()
			.body("events.event_type", not(hasItem("client_session.deleted")));
		asWorkspace2().queryParam("since", since).get("/events/list").then().body("events", empty());
	}

	@Test
	void listWhenSinceAndBetweenBothOrNeitherThenInvalidInput() {
		asWorkspace1().get("/events/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Must specify either since or between"));
		asWorkspace1().queryParam("since", LONG_AGO)
			.queryParam("between", LONG_AGO, "2100-01-01T00:00:00.000Z")
			.get("/events/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Cannot specify both since and between"));
		asWorkspace1().queryParam("since", "yesterday")
			.get("/events/list")
			.then()
			.statusCode(400)
			.body("error.message", equalTo("Invalid datetime for \"since\""));
		asWorkspace1().queryParam("between", LONG_AGO)
			.get("/events/list")
			.then()
			.statusCode(400)
			.body("error.validation_errors.between._errors[0]", equalTo("Array must contain at least 2 element(s)"));
	}

	@Test
	void listWhenBetweenThenOnlyEventsInsideTheInterval() {
		asWorkspace1().body("{\"between\":[\"" + LONG_AGO + "\",\"2100-01-01T00:00:00.000Z\"]}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.event_id", contains("event1"));
		asWorkspace1().queryParam("between", LONG_AGO + ",2021-01-01T00:00:00.000Z")
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("events", empty());
		asWorkspace1().queryParam("since", "2100-01-01")
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("events", empty());
	}

	@Test
	void listWhenFiltersThenTheyCombineWithAnd() {
		expectEvents("event_type", "device.connected", "event1");
		expectEvents("event_type", "client_session.deleted");
		expectEvents("event_types", "client_session.deleted,device.connected", "event1");
		expectEvents("device_id", "august_device_1", "event1");
		expectEvents("device_id", "august_device_2");
		expectEvents("device_ids", "august_device_2,august_device_1", "event1");
		expectEvents("connected_account_id", "john_connected_account_id", "event1");
		expectEvents("connected_account_id", "jane_connected_account_id");
		expectEvents("connect_webview_id", "connect_webview1");
		expectEvents("event_ids", "event1", "event1");
		expectEvents("access_code_id", "some_access_code");
		asWorkspace1().queryParam("since", LONG_AGO)
			.queryParam("event_type", "device.connected")
			.queryParam("device_id", "august_device_2")
			.get("/events/list")
			.then()
			.body("events", empty());
	}

	@Test
	void listWhenLimitThenAtMostThatManyOldestFirst() {
		for (String key : new String[] { "d1", "d2" }) {
			String id = asWorkspace1().body("{\"user_identifier_key\":\"" + key + "\"}")
				.put("/client_sessions/create")
				.then()
				.extract()
				.path("client_session.client_session_id");
			asWorkspace1().queryParam("client_session_id", id).delete("/client_sessions/delete").then().statusCode(200);
		}
		asWorkspace1().queryParam("since", LONG_AGO)
			.queryParam("limit", 2)
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("events.event_type", contains("device.connected", "client_session.deleted"));
		asWorkspace1().queryParam("since", LONG_AGO)
			.queryParam("limit", 0)
			.get("/events/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
	}

	@Test
	void listWhenPublishableKeyThenUnauthorized() {
		withPublishableKey().queryParam("since", LONG_AGO)
			.get("/events/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	// get

	@Test
	void getWhenEventIdThenEventForEveryAcceptedCredential() {
		for (RequestSpecification caller : new RequestSpecification[] { asWorkspace1(), withPat(),
				withCst(SEED_CST) }) {
			caller.queryParam("event_id", "event1")
				.get("/events/get")
				.then()
				.statusCode(200)
				.body("ok", equalTo(true))
				.body("event.event_id", equalTo("event1"))
				.body("event.device_id", equalTo("august_device_1"));
		}
		asWorkspace1().body("{\"event_id\":\"event1\"}")
			.post("/events/get")
			.then()
			.statusCode(200)
			.body("event.event_id", equalTo("event1"));
	}

	@Test
	void getWhenEventTypeOrDeviceThenMostRecentMatch() {
		String first = deleteNewSession("g1");
		String second = deleteNewSession("g2");
		asWorkspace1().queryParam("event_type", "client_session.deleted")
			.get("/events/get")
			.then()
			.statusCode(200)
			.body("event.client_session_id", equalTo(second))
			.body("event.client_session_id", not(equalTo(first)));
		asWorkspace1().queryParam("device_id", "august_device_1")
			.get("/events/get")
			.then()
			.statusCode(200)
			.body("event.event_id", equalTo("event1"));
	}

	@Test
	void getWhenNoCriteriaThenInvalidInput() {
		asWorkspace1().get("/events/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("An argument for event_id, event_type, or device_id is required"));
	}

	@Test
	void getWhenUnknownOrOtherWorkspaceThenNotFound() {
		asWorkspace1().queryParam("event_id", "no_such_event")
			.get("/events/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("event_not_found"));
		asWorkspace2().queryParam("event_id", "event1")
			.get("/events/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("event_not_found"));
		asWorkspace2().queryParam("device_id", "august_device_1")
			.get("/events/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("event_not_found"));
	}

	@Test
	void getWhenSessionMayNotSeeEventThenNotFound() {
		String token = createSession("{\"user_identifier_key\":\"empty-user\"}");
		withCst(token).queryParam("event_id", "event1")
			.get("/events/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("event_not_found"));
	}

	@Test
	void getWhenPublishableKeyThenUnauthorized() {
		withPublishableKey().queryParam("event_id", "event1")
			.get("/events/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	private static void expectEvents(String param, String value, String... eventIds) {
		asWorkspace1().queryParam("since", LONG_AGO)
			.queryParam(param, value)
			.get("/events/list")
			.then()
			.statusCode(200)
			.body("events.event_id", (eventIds.length == 0) ? empty() : contains(eventIds));
	}

	private static String deleteNewSession(String key) {
		String id = asWorkspace1().body("{\"user_identifier_key\":\"" + key + "\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		asWorkspace1().queryParam("client_session_id", id).delete("/client_sessions/delete").then().statusCode(200);
		return id;
	}

	private static String createSession(String body) {
		return asWorkspace1().body(body)
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
	}

	private static RequestSpecification withPat() {
		return anonymous().header("Authorization", "Bearer seam_at1_shorttoken_longtoken")
			.header("seam-workspace", "seed_workspace_1");
	}

	private static RequestSpecification withCst(String token) {
		return anonymous().header("Authorization", "Bearer " + token).header("client-session-token", token);
	}

	private static RequestSpecification withPublishableKey() {
		return anonymous().header("seam-publishable-key", "seam_pk1_token")
			.header("seam-user-identifier-key", "john_user_identifier_key");
	}

}
