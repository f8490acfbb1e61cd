package dev.emulator.seam.clientsession;

import java.util.List;
import java.util.Map;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Workspace 2's API key against workspace 1's sessions (BEHAVIOUR 2.4 and 3.2): another
 * workspace's session is reported exactly like a missing one and is never changed. Seam's
 * fake gets this wrong for {@code /get}.
 */
class ClientSessionWorkspaceIsolationTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	/** A session workspace 1 creates in the test, next to the seeded {@code cst1}. */
	private String created;

	@BeforeEach
	void createWorkspace1Session() {
		this.created = asWorkspace1().body("""
				{
					"user_identifier_key": "ws1-user",
					"connected_account_ids": ["jane_connected_account_id"],
					"connect_webview_ids": ["connect_webview1"],
					"user_identity_id": "john_user_identity_id"
				}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
	}

	@Test
	void getWhenOtherWorkspacesIdThenNotFound() {
		for (String id : List.of("cst1", this.created)) {
			assertNotFound(asWorkspace2().queryParam("client_session_id", id).get("/client_sessions/get").then());
			assertNotFound(asWorkspace2().body("""
					{"client_session_id":"%s"}""".formatted(id)).post("/client_sessions/get").then());
		}
	}

	@Test
	void getWhenOtherWorkspacesUserIdentifierKeyThenNotFound() {
		for (String key : List.of("john_user_identifier_key", "ws1-user")) {
			assertNotFound(asWorkspace2().queryParam("user_identifier_key", key).get("/client_sessions/get").then());
			assertNotFound(asWorkspace2().body("""
					{"user_identifier_key":"%s"}""".formatted(key)).post("/client_sessions/get").then());
		}
		assertNotFound(asWorkspace2().queryParam("client_session_id", "cst1")
			.queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/get")
			.then());
	}

	@Test
	void listWhenWorkspace2ThenNoSessionOfWorkspace1UnderAnyFilter() {
		asWorkspace1().body("{}").put("/client_sessions/create").then().statusCode(200);
		assertEmptyList(asWorkspace2().get("/client_sessions/list").then());
		assertEmptyList(asWorkspace2().body("{}").post("/client_sessions/list").then());
		assertEmptyList(asWorkspace2().queryParam("client_session_id", "cst1").get("/client_sessions/list").then());
		assertEmptyList(
				asWorkspace2().queryParam("client_session_id", this.created).get("/client_sessions/list").then());
		assertEmptyList(asWorkspace2().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/list")
			.then());
		assertEmptyList(asWorkspace2().queryParam("connect_webview_id", "connect_webview1")
			.get("/client_sessions/list")
			.then());
		assertEmptyList(asWorkspace2().queryParam("user_identity_id", "john_user_identity_id")
			.get("/client_sessions/list")
			.then());
		assertEmptyList(
				asWorkspace2().queryParam("without_user_identifier_key", "true").get("/client_sessions/list").then());
		assertEmptyList(asWorkspace2().body("""
				{"user_identifier_key":"ws1-user","connect_webview_id":"connect_webview1"}""")
			.post("/client_sessions/list")
			.then());
	}

	@Test
	void grantAccessWhenOtherWorkspacesSessionThenNotFoundAndUnchanged() {
		Map<String, Object> seeded = workspace1Session("cst1");
		Map<String, Object> mine = workspace1Session(this.created);
		assertNotFound(asWorkspace2().body("""
				{"client_session_id":"cst1","connected_account_ids":["jane_connected_account_id"]}""")
			.patch("/client_sessions/grant_access")
			.then());
		assertNotFound(asWorkspace2().body("""
				{"client_session_id":"%s","connect_webview_ids":["ws2_webview"]}""".formatted(this.created))
			.post("/client_sessions/grant_access")
			.then());
		assertNotFound(asWorkspace2()
			.body("""
					{"user_identifier_key":"john_user_identifier_key","connected_account_ids":["jane_connected_account_id"]}""")
			.patch("/client_sessions/grant_access")
			.then());
		assertNotFound(asWorkspace2().body("""
				{"user_identifier_key":"ws1-user","user_identity_id":"ws2_identity"}""")
			.post("/client_sessions/grant_access")
			.then());
		assertThat(workspace1Session("cst1")).isEqualTo(seeded);
		assertThat(workspace1Session(this.created)).isEqualTo(mine);
	}

	@Test
	void revokeWhenOtherWorkspacesSessionThenNotFoundAndStillLive() {
		Map<String, Object> seeded = workspace1Session("cst1");
		for (String id : List.of("cst1", this.created)) {
			assertNotFound(asWorkspace2().body("""
					{"client_session_id":"%s"}""".formatted(id)).post("/client_sessions/revoke").then());
		}
		assertThat(workspace1Session("cst1")).isEqualTo(seeded);
		Long revoked = this.jdbc.sql("""
				select count(*) from client_sessions
				where workspace_id = 'seed_workspace_1' and revoked_at is not null""").query(Long.class).single();
		assertThat(revoked).isZero();
		// Still live: workspace 1 asking for its user's session gets the same one back,
		// not a new one.
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
		asWorkspace1().body("""
				{"user_identifier_key":"ws1-user"}""")
			.post("/client_sessions/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("client_session_token_already_exists"));
	}

	@Test
	void deleteWhenOtherWorkspacesSessionThenNotFoundAndStillPresent() {
		Map<String, Object> seeded = workspace1Session("cst1");
		Map<String, Object> mine = workspace1Session(this.created);
		assertNotFound(asWorkspace2().queryParam("client_session_id", "cst1").delete("/client_sessions/delete").then());
		assertNotFound(asWorkspace2().body("""
				{"client_session_id":"%s"}""".formatted(this.created)).post("/client_sessions/delete").then());
		assertThat(workspace1Session("cst1")).isEqualTo(seeded);
		assertThat(workspace1Session(this.created)).isEqualTo(mine);
		List<String> ids = asWorkspace1().get("/client_sessions/list")
			.then()
			.statusCode(200)
			.extract()
			.path("client_sessions.client_session_id");
		assertThat(ids).containsExactly("cst1", this.created);
		Long events = this.jdbc.sql("""
				select count(*) from events
				where workspace_id in ('seed_workspace_1', 'seed_workspace_2')
				  and event_type = 'client_session.deleted'""").query(Long.class).single();
		assertThat(events).isZero();
	}

	@Test
	void getOrCreateWhenSameUserIdentifierKeyInWorkspace2ThenSeparateSession() {
		Map<String, Object> seeded = workspace1Session("cst1");
		Map<String, Object> own = asWorkspace2().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo("seed_workspace_2"))
			.body("client_session.user_identifier_key", equalTo("john_user_identifier_key"))
			.body("client_session.token", startsWith("seam_cst"))
			.body("client_session.connected_account_ids", empty())
			.body("client_session.connect_webview_ids", empty())
			.body("client_session.device_count", equalTo(0))
			.extract()
			.path("client_session");
		assertThat(own.get("client_session_id")).isNotEqualTo("cst1");
		assertThat(own.get("token")).isNotEqualTo(SEED_CST);
		assertThat(workspace1Session("cst1")).isEqualTo(seeded);
		asWorkspace2().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(own.get("client_session_id")));
		asWorkspace2().get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("client_sessions.client_session_id", contains(own.get("client_session_id")));
	}

	@Test
	void createWhenSameUserIdentifierKeyInWorkspace2ThenSeparateSession() {
		asWorkspace2().body("""
				{"user_identifier_key":"ws1-user"}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo("seed_workspace_2"))
			.body("client_session.client_session_id", not(equalTo(this.created)));
		asWorkspace2().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo("seed_workspace_2"))
			.body("client_session.client_session_id", not(equalTo("cst1")));
		assertThat(workspace1Session("cst1")).containsEntry("token", SEED_CST);
		asWorkspace1().queryParam("user_identifier_key", "ws1-user")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(this.created));
	}

	@Test
	void deviceCountWhenWorkspace2NamesWorkspace1AccountThenZero() {
		asWorkspace2().body("""
				{"connected_account_ids":["john_connected_account_id","jane_connected_account_id"]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo("seed_workspace_2"))
			.body("client_session.device_count", equalTo(0));
	}

	@Test
	void grantAccessWhenWorkspace2GrantsWorkspace1WebviewThenItsAccountNotGranted() {
		String own = asWorkspace2().body("{}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		asWorkspace2().body("""
				{"client_session_id":"%s","connect_webview_ids":["connect_webview1"]}""".formatted(own))
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids", empty())
			.body("client_session.device_count", equalTo(0));
		asWorkspace2().queryParam("connect_webview_id", "connect_webview1")
			.get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("client_sessions.client_session_id", contains(own));
	}

	private static Map<String, Object> workspace1Session(String id) {
		return asWorkspace1().queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session");
	}

	private static void assertNotFound(ValidatableResponse response) {
		response.statusCode(404).body("ok", equalTo(false)).body("error.type", equalTo("client_session_not_found"));
	}

	private static void assertEmptyList(ValidatableResponse response) {
		response.statusCode(200).body("ok", equalTo(true)).body("client_sessions", empty());
	}

}
