package dev.emulator.seam.auth;

import java.time.Instant;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Client session tokens, publishable keys and personal access tokens against the client
 * session routes (BEHAVIOUR 2.2, 2.3, 2.5, 3.8, 3.9).
 */
class ClientSessionCredentialTests extends ApiTest {

	private static final String PAT = "seam_at1_shorttoken_longtoken";

	static RequestSpecification withClientSessionToken(String token) {
		// What SeamHttp.fromClientSessionToken sends.
		return anonymous().header("Authorization", "Bearer " + token).header("client-session-token", token);
	}

	static RequestSpecification withPublishableKey(String key) {
		return anonymous().header("seam-publishable-key", key);
	}

	static RequestSpecification withPat(String workspace) {
		return anonymous().header("Authorization", "Bearer " + PAT).header("seam-workspace", workspace);
	}

	@Test
	void getWhenClientSessionTokenWithoutParamsThenOwnSession() {
		withClientSessionToken(SEED_CST).get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.token", equalTo(SEED_CST))
			.body("client_session.device_count", equalTo(4));
	}

	@Test
	void getWhenClientSessionTokenInAnyHeaderThenAccepted() {
		for (String header : new String[] { "seam-client-session-token", "client-session-token" }) {
			anonymous().header(header, SEED_CST)
				.get("/client_sessions/get")
				.then()
				.statusCode(200)
				.body("client_session.client_session_id", equalTo("cst1"));
		}
		anonymous().header("Authorization", "Bearer " + SEED_CST)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
	}

	@Test
	void getWhenClientSessionTokenNamesAnotherSessionThenInvalidOptions() {
		String other = createSession("someone-else").getString("client_session.client_session_id");
		withClientSessionToken(SEED_CST).queryParam("client_session_id", other)
			.get("/client_sessions/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_options"));
		withClientSessionToken(SEED_CST).queryParam("client_session_id", "cst1")
			.queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_options"));
		withClientSessionToken(SEED_CST).queryParam("client_session_id", "cst1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200);
	}

	@Test
	void clientSessionRoutesWhenClientSessionTokenOnRouteThatRefusesItThenUnauthorized() {
		withClientSessionToken(SEED_CST).get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		withClientSessionToken(SEED_CST).body("{}")
			.put("/client_sessions/create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		withClientSessionToken(SEED_CST).body("{\"user_identifier_key\":\"x\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(401);
		withClientSessionToken(SEED_CST).body("{\"client_session_id\":\"cst1\"}")
			.post("/client_sessions/revoke")
			.then()
			.statusCode(401);
		withClientSessionToken(SEED_CST).body("{\"client_session_id\":\"cst1\",\"connected_account_ids\":[]}")
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(401);
		withClientSessionToken(SEED_CST).queryParam("client_session_id", "cst1")
			.delete("/client_sessions/delete")
			.then()
			.statusCode(401);
		asWorkspace1().queryParam("client_session_id", "cst1").get("/client_sessions/get").then().statusCode(200);
	}

	@Test
	void clientSessionTokenWhenHeaderIsNotSeamCstThenInvalidClientSessionToken() {
		anonymous().header("seam-client-session-token", "not-a-token")
			.get("/client_sessions/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_client_session_token"));
	}

	@Test
	void clientSessionTokenWhenUnknownThenClientSessionNotFound() {
		withClientSessionToken("seam_cst1_unknown").get("/client_sessions/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("client_session_not_found"));
	}

	@Test
	void clientSessionTokenWhenRevokedThenRefusedOnTheNextRequest() {
		withClientSessionToken(SEED_CST).get("/client_sessions/get").then().statusCode(200);
		asWorkspace1().body("{\"client_session_id\":\"cst1\"}").post("/client_sessions/revoke").then().statusCode(200);
		withClientSessionToken(SEED_CST).get("/client_sessions/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("client_session_revoked"));
		// Revoked wins over expired: Seam checks revoked first.
		asWorkspace1().body("{\"client_session_id\":\"cst1\"}").post("/client_sessions/revoke").then().statusCode(200);
	}

	@Test
	void clientSessionTokenWhenExpiredThenClientSessionExpired() {
		String token = asWorkspace1().body("{\"expires_at\":\"" + Instant.now().minusSeconds(60) + "\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
		withClientSessionToken(token).get("/client_sessions/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("client_session_expired"));
	}

	@Test
	void clientSessionTokenWhenSessionDeletedThenClientSessionNotFound() {
		JsonPath created = createSession("to-delete");
		String token = created.getString("client_session.token");
		withClientSessionToken(token).get("/client_sessions/get").then().statusCode(200);
		asWorkspace1().queryParam("client_session_id", created.getString("client_session.client_session_id"))
			.delete("/client_sessions/delete")
			.then()
			.statusCode(200);
		withClientSessionToken(token).get("/client_sessions/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("client_session_not_found"));
	}

	@Test
	void getOrCreateWhenPublishableKeyForSeededUserThenSeededSession() {
		withPublishableKey("seam_pk1_token").body("{\"user_identifier_key\":\"john_user_identifier_key\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.token", equalTo(SEED_CST));
	}

	@Test
	void publishableKeyWhenSameUserTwiceThenSameTokenAndItWorks() {
		String first = withPublishableKey("seam_pk1_token").body("{\"user_identifier_key\":\"browser-user\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.token", startsWith("seam_cst"))
			.body("client_session.user_identifier_key", equalTo("browser-user"))
			.body("client_session.connected_account_ids.size()", equalTo(0))
			.extract()
			.path("client_session.token");
		withPublishableKey("seam_pk1_token").body("{\"user_identifier_key\":\"browser-user\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.token", equalTo(first));
		withClientSessionToken(first).get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.user_identifier_key", equalTo("browser-user"));
	}

	@Test
	void publishableKeyWhenUserKeyInHeaderThenAccepted() {
		for (String header : new String[] { "user-identifier-key", "seam-user-identifier-key" }) {
			withPublishableKey("seam_pk1_token").header(header, "header-user")
				.body("{}")
				.post("/client_sessions/get_or_create")
				.then()
				.statusCode(200)
				.body("client_session.user_identifier_key", equalTo("header-user"));
		}
	}

	@Test
	void publishableKeyWhenFailingThenSeamErrors() {
		withPublishableKey("seam_pk1_token").body("{}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("publishable_key_requires_user_identifier_key"));
		withPublishableKey("seam_pk_unknown").body("{\"user_identifier_key\":\"u\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("workspace_not_found"));
		withPublishableKey("seam_pk1_token").body("{\"user_identifier_key\":\"u\",\"connected_account_ids\":[]}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(403)
			.body("error.type", equalTo("publishable_keys_must_create_empty_client_sessions"));
		withPublishableKey("seam_pk1_token")
			.body("{\"user_identifier_key\":\"u\",\"connect_webview_ids\":[\"connect_webview1\"]}")
			.put("/client_sessions/create")
			.then()
			.statusCode(403)
			.body("error.type", equalTo("publishable_keys_must_create_empty_client_sessions"));
		withPublishableKey("seam_pk1_token").body("{\"user_identifier_key\":\"u\"}")
			.get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		RestAssured.given()
			.header("seam-publishable-key", "seam_pk1_token")
			.header("seam-publishable-key", "seam_pk2_2dnb")
			.contentType("application/json")
			.body("{\"user_identifier_key\":\"u\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("invalid_publishable_key"));
	}

	@Test
	void publishableKeyWhenAuthDisabledOnWorkspaceThenUnauthorized() {
		this.jdbc.sql(
				"update workspaces set is_publishable_key_auth_enabled = false where workspace_id = 'seed_workspace_1'")
			.update();
		withPublishableKey("seam_pk1_token").body("{\"user_identifier_key\":\"u\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void personalAccessTokenWhenMemberOfWorkspaceThenApiKeyRights() {
		withPat("seed_workspace_1").get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("client_sessions.client_session_id", org.hamcrest.Matchers.hasItem("cst1"));
		withPat("seed_workspace_1").body("{\"user_identifier_key\":\"pat-user\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo("seed_workspace_1"));
		// The token is checked whole: its long part alone is not enough.
		anonymous().header("Authorization", "Bearer seam_at1_longtoken")
			.header("seam-workspace", "seed_workspace_1")
			.get("/client_sessions/list")
			.then()
			.statusCode(401);
	}

	@Test
	void personalAccessTokenWhenFailingThenUnauthorized() {
		withPat("seed_workspace_2").get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("User does not have access to this workspace"));
		withPat("no_such_workspace").get("/client_sessions/list").then().statusCode(401);
		anonymous().header("Authorization", "Bearer seam_at1_shorttoken_wrong")
			.header("seam-workspace", "seed_workspace_1")
			.get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		// Without seam-workspace the method does not apply at all; the message says what
		// is missing.
		anonymous().header("Authorization", "Bearer " + PAT)
			.get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("No authentication methods succeeded. A personal access token needs the "
					+ "seam-workspace header naming the workspace"));
	}

	@Test
	void personalAccessTokenWhenOtherWorkspaceSessionThenNotFound() {
		String id = withApiKey(API_KEY_2).body("{\"user_identifier_key\":\"ws2-user\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		withPat("seed_workspace_1").queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("client_session_not_found"));
	}

	@Test
	void corsWhenPreflightFromBrowserThenOriginEchoedWithCredentials() {
		anonymous().header("Origin", "http://app.example.test")
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "authorization,client-session-token,seam-sdk-name")
			.options("/client_sessions/get")
			.then()
			.statusCode(200)
			.header("Access-Control-Allow-Origin", "http://app.example.test")
			.header("Access-Control-Allow-Credentials", "true")
			.header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("PATCH"));
		withClientSessionToken(SEED_CST).header("Origin", "http://app.example.test")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.header("Access-Control-Allow-Origin", "http://app.example.test")
			.header("Access-Control-Allow-Credentials", "true");
	}

	@Test
	void corsWhenOptionsWithBadCredentialThenAnsweredBeforeAuthentication() {
		anonymous().header("Authorization", "Bearer seam_cst1_unknown")
			.options("/client_sessions/list")
			.then()
			.statusCode(200)
			.header("seam-request-id", not(equalTo(null)));
	}

	private JsonPath createSession(String userIdentifierKey) {
		return asWorkspace1().body("{\"user_identifier_key\":\"" + userIdentifierKey + "\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

}
