package dev.emulator.seam.clientsession;

import java.time.Instant;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The lifecycle scenario of BEHAVIOUR 3.14 against the seed, step by step, through HTTP.
 */
class ClientSessionLifecycleTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void lifecycleWhenCreatedGrantedRevokedAndDeletedThenEachStepBehavesAsSeam() {
		Instant beforeStart = Instant.now();
		String body = """
				{"user_identifier_key":"u1","connected_account_ids":["john_connected_account_id"]}""";

		// 1. create
		JsonPath created = asWorkspace1().body(body)
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("client_session.token", startsWith("seam_cst"))
			.body("client_session.user_identifier_key", equalTo("u1"))
			.body("client_session.connect_webview_ids.size()", equalTo(0))
			.body("client_session.user_identity_ids.size()", equalTo(0))
			.body("client_session.device_count", equalTo(4))
			.extract()
			.jsonPath();
		String id = created.getString("client_session.client_session_id");
		String token = created.getString("client_session.token");

		// 2. POST again is refused, PUT again returns the same session
		asWorkspace1().body(body)
			.post("/client_sessions/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("client_session_token_already_exists"))
			.body("ok", equalTo(false));
		asWorkspace1().body(body)
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(id))
			.body("client_session.token", equalTo(token));

		// 4. grant access is additive
		asWorkspace1().body("""
				{"user_identifier_key":"u1","connected_account_ids":["jane_connected_account_id"]}""")
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(id));
		asWorkspace1().queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids",
					contains("john_connected_account_id", "jane_connected_account_id"))
			.body("client_session.device_count", equalTo(5));

		// 5. get_or_create replaces the lists of the existing session
		asWorkspace1().body("""
				{"user_identifier_key":"u1","connected_account_ids":["jane_connected_account_id"]}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(id))
			.body("client_session.token", equalTo(token))
			.body("client_session.connected_account_ids", contains("jane_connected_account_id"))
			.body("client_session.device_count", equalTo(1));

		// 6. revoke: still readable by API key; get_or_create now makes a new session
		asWorkspace1().body("{\"client_session_id\":\"" + id + "\"}")
			.post("/client_sessions/revoke")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		asWorkspace1().queryParam("client_session_id", id).get("/client_sessions/get").then().statusCode(200);
		asWorkspace1().body("{\"user_identifier_key\":\"u1\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", not(equalTo(id)))
			.body("client_session.token", not(equalTo(token)));

		// 7. delete: gone, and one client_session.deleted event records it
		asWorkspace1().queryParam("client_session_id", id)
			.delete("/client_sessions/delete")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		asWorkspace1().queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("client_session_not_found"));
		Integer events = this.jdbc.sql("""
				select count(*) from events
				where workspace_id = 'seed_workspace_1' and event_type = 'client_session.deleted'
				  and client_session_id = :id and occurred_at >= :since""")
			.param("id", id)
			.param("since", java.sql.Timestamp.from(beforeStart.minusSeconds(1)))
			.query(Integer.class)
			.single();
		assertThat(events).isEqualTo(1);

		// 8. list without a user identifier key
		asWorkspace1().body("{}").put("/client_sessions/create").then().statusCode(200);
		JsonPath listed = asWorkspace1().queryParam("without_user_identifier_key", "true")
			.get("/client_sessions/list")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		assertThat(listed.getList("client_sessions")).hasSize(1);
		assertThat(listed.getList("client_sessions.user_identifier_key")).containsOnlyNulls();
	}

}
