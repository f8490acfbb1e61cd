package dev.emulator.seam.auth;

import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The mistakes a first user makes, and what the answer says about them (issue 15): Seam's
 * error types stay as they are, the messages say what to change (BEHAVIOUR 2.3, 3.6).
 */
class FirstRunMessagesTests extends ApiTest {

	@Test
	void createWhenClientSessionTokenThenSaysWhichCredentialsTheRouteTakes() {
		anonymous().header("Authorization", "Bearer " + SEED_CST)
			.body("{\"user_identifier_key\":\"u1\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("No authentication methods succeeded. This route accepts an API key, "
					+ "a personal access token or a publishable key, not a client session token"));
	}

	@Test
	void routeWhenNoCredentialAtAllThenSeamsMessageAsItIs() {
		anonymous().get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("No authentication methods succeeded"));
	}

	@Test
	void getWhenJsonBodyOnGetThenReadLikeAPost() {
		// Seam's server merges the query string and the body on routes that take GET and
		// POST (BEHAVIOUR 1.5); the body wins where both name a parameter.
		withApiKey(API_KEY_1).body("{\"client_session_id\":\"cst1\"}")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
		withApiKey(API_KEY_1).body("{\"client_session_id\":\"cst1\"}")
			.get("/client_sessions/get?client_session_id=no-such-session")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
		withApiKey(API_KEY_1).body("{\"client_session_id\":")
			.get("/client_sessions/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		withApiKey(API_KEY_1).get("/client_sessions/get?client_session_id=cst1").then().statusCode(200);
	}

	@Test
	void apiKeyWhenRevokedOrRotatedOutThenSaysRevoked() {
		JsonPath created = admin().body(Map.of("workspace_id", "seed_workspace_1"))
			.post("/_admin/api_keys/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		String token = created.getString("api_key.token");
		withApiKey(token).get("/client_sessions/list").then().statusCode(200);
		JsonPath rotated = admin().body(Map.of("api_key_id", created.getString("api_key.api_key_id")))
			.post("/_admin/api_keys/rotate")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		assertRevoked(token);
		String newToken = rotated.getString("api_key.token");
		withApiKey(newToken).get("/client_sessions/list").then().statusCode(200);
		admin().body(Map.of("api_key_id", rotated.getString("api_key.api_key_id")))
			.post("/_admin/api_keys/revoke")
			.then()
			.statusCode(200);
		assertRevoked(newToken);
		withApiKey("seam_never_issued_token").get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("API Key not found"));
	}

	@Test
	void adminTokenWhenSentAsBearerThenSaysWhichHeader() {
		anonymous().header("Authorization", "Bearer " + ADMIN_TOKEN)
			.get("/_admin/workspaces/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("No authentication methods succeeded. This route takes the admin token, "
					+ "in the seam-admin-token header (not in Authorization)"));
		anonymous().header("Authorization", "Bearer " + ADMIN_TOKEN)
			.get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("API Key not found. This is the admin token: it goes in the "
					+ "seam-admin-token header, and opens /_admin/* only"));
		admin().get("/_admin/workspaces/list").then().statusCode(200);
	}

	@Test
	void publishableKeyWhenSentAsBearerThenSaysWhichHeader() {
		anonymous().header("Authorization", "Bearer seam_pk1_token")
			.body("{\"user_identifier_key\":\"u1\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", startsWith("No authentication methods succeeded. A publishable key goes in the "
					+ "seam-publishable-key header"));
	}

	@Test
	void createWhenUserHasALiveSessionThenMessageNamesARouteThatExists() {
		withApiKey(API_KEY_1).body("{\"user_identifier_key\":\"twice\"}")
			.post("/client_sessions/create")
			.then()
			.statusCode(200);
		String id = withApiKey(API_KEY_1).body("{\"user_identifier_key\":\"twice\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		withApiKey(API_KEY_1).body("{\"user_identifier_key\":\"twice\"}")
			.post("/client_sessions/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("client_session_token_already_exists"))
			.body("error.message", equalTo(
					"A client session token already exists for this user, try using /client_sessions/get_or_create"));
		withApiKey(API_KEY_1).body("{\"user_identifier_key\":\"twice\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(id));
	}

	@Test
	void getOrCreateWithPublishableKeyWhenSessionRevokedOrDeletedThenNewSessionNeverTheOldOne() {
		String first = publishable("pk-user").post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		publishable("pk-user").post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(first));
		withApiKey(API_KEY_1).body(Map.of("client_session_id", first)).post("/client_sessions/revoke");
		String second = publishable("pk-user").post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		org.assertj.core.api.Assertions.assertThat(second).isNotEqualTo(first);
		withApiKey(API_KEY_1).body(Map.of("client_session_id", second)).post("/client_sessions/delete");
		String third = publishable("pk-user").post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		org.assertj.core.api.Assertions.assertThat(third).isNotIn(first, second);
		// The seed's session for John, found in the same statement as the key.
		publishable("john_user_identifier_key").post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.token", equalTo(SEED_CST))
			.body("client_session.device_count", equalTo(4));
	}

	@Test
	void getOrCreateWithPublishableKeyWhenKeyRevokedThenRefusedAtOnce() {
		String workspaceId = "seed_workspace_1";
		String keyId = admin().body(Map.of("workspace_id", workspaceId))
			.post("/_admin/publishable_keys/create")
			.then()
			.statusCode(200)
			.extract()
			.path("publishable_key.publishable_key_id");
		String key = admin().queryParam("workspace_id", workspaceId)
			.get("/_admin/publishable_keys/list")
			.then()
			.extract()
			.jsonPath()
			.getString("publishable_keys.find { it.publishable_key_id == '" + keyId + "' }.publishable_key");
		anonymous().header("seam-publishable-key", key)
			.body("{\"user_identifier_key\":\"john_user_identifier_key\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
		admin().body(Map.of("publishable_key_id", keyId))
			.post("/_admin/publishable_keys/revoke")
			.then()
			.statusCode(200);
		anonymous().header("seam-publishable-key", key)
			.body("{\"user_identifier_key\":\"john_user_identifier_key\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("workspace_not_found"));
	}

	private static void assertRevoked(String token) {
		withApiKey(token).get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo(
					"API Key revoked: this key was revoked or rotated out; use a current key of the workspace"));
	}

	private static RequestSpecification publishable(String userIdentifierKey) {
		return anonymous().header("seam-publishable-key", "seam_pk1_token")
			.body(Map.of("user_identifier_key", userIdentifierKey));
	}

	private static RequestSpecification admin() {
		return RestAssured.given().contentType(ContentType.JSON).header("seam-admin-token", ADMIN_TOKEN);
	}

}
