package dev.emulator.seam.workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.TestHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The {@code /_admin/*} provisioning routes with the admin token of the shared test
 * context: every route, the admin credential's failures, tokens shown once and stored
 * only as hashes, revoke and rotate effective on the next request, validation without
 * side effects, and keys that stay in their workspace.
 */
class AdminRoutesTests extends ApiTest {

	/**
	 * Every admin route with a body that would succeed (ids made up: the credential check
	 * comes first).
	 */
	private static final List<String[]> ROUTES = List.of(
			new String[] { "POST", "/_admin/workspaces/create", "{\"name\":\"x\"}" },
			new String[] { "POST", "/_admin/workspaces/list", "{}" },
			new String[] { "POST", "/_admin/api_keys/create", "{\"workspace_id\":\"seed_workspace_1\"}" },
			new String[] { "POST", "/_admin/api_keys/list", "{\"workspace_id\":\"seed_workspace_1\"}" },
			new String[] { "POST", "/_admin/api_keys/revoke", "{\"api_key_id\":\"api_key1\"}" },
			new String[] { "POST", "/_admin/api_keys/rotate", "{\"api_key_id\":\"api_key1\"}" },
			new String[] { "POST", "/_admin/publishable_keys/create", "{\"workspace_id\":\"seed_workspace_1\"}" },
			new String[] { "POST", "/_admin/publishable_keys/list", "{\"workspace_id\":\"seed_workspace_1\"}" },
			new String[] { "POST", "/_admin/publishable_keys/revoke",
					"{\"publishable_key_id\":\"seed_publishable_key_1\"}" });

	@Autowired
	JdbcClient jdbc;

	@Test
	void createWorkspaceWhenAdminTokenThenWorkspacePublishableKeyAndApiKeyShownOnce() {
		JsonPath created = admin().body("{\"name\":\"Acme\"}")
			.post("/_admin/workspaces/create")
			.then()
			.statusCode(200)
			.contentType(ContentType.JSON)
			.body("ok", equalTo(true))
			.body("workspace.name", equalTo("Acme"))
			.body("workspace.company_name", equalTo("Acme"))
			.body("workspace.is_sandbox", equalTo(true))
			.body("workspace.is_publishable_key_auth_enabled", equalTo(true))
			.body("workspace.publishable_key", startsWith("seam_pk1"))
			.body("api_key.name", equalTo("Acme API key"))
			.body("api_key.token", startsWith("seam_test"))
			.body("api_key", hasKey("revoked_at"))
			.body("api_key.revoked_at", nullValue())
			.body("api_key.created_at", notNullValue())
			.extract()
			.jsonPath();
		String workspaceId = created.getString("workspace.workspace_id");
		String token = created.getString("api_key.token");
		assertThat(created.getString("api_key.workspace_id")).isEqualTo(workspaceId);
		assertThat(token).startsWith("seam_" + created.getString("api_key.short_token") + "_");

		// The token works at once, in the new workspace.
		withApiKey(token).body("{\"user_identifier_key\":\"acme-user\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo(workspaceId));
		withApiKey(token).get("/workspaces/get")
			.then()
			.statusCode(200)
			.body("workspace.workspace_id", equalTo(workspaceId))
			.body("workspace.publishable_key", equalTo(created.getString("workspace.publishable_key")));
		// So does the publishable key.
		anonymous().header("seam-publishable-key", created.getString("workspace.publishable_key"))
			.body("{\"user_identifier_key\":\"acme-browser-user\"}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo(workspaceId));

		// Only the hash is stored.
		assertThat(apiKeyRowsAsText(workspaceId)).hasSize(1)
			.allSatisfy((row) -> assertThat(row).doesNotContain(token).contains(Hashes.sha256Hex(token)));
	}

	@Test
	void createWorkspaceWhenNoApiKeyAskedThenWorkspaceOnly() {
		String workspaceId = admin().body("{\"name\":\"Keyless\",\"create_api_key\":false,\"is_sandbox\":false}")
			.post("/_admin/workspaces/create")
			.then()
			.statusCode(200)
			.body("$", not(hasKey("api_key")))
			.body("workspace.is_sandbox", equalTo(false))
			.extract()
			.path("workspace.workspace_id");
		admin().body(Map.of("workspace_id", workspaceId))
			.post("/_admin/api_keys/list")
			.then()
			.statusCode(200)
			.body("api_keys.size()", equalTo(0));
		// A non-sandbox workspace's keys look like Seam's production keys, and are never
		// taken for another kind.
		String token = createApiKey(workspaceId, null).getString("api_key.token");
		assertThat(token).startsWith("seam_")
			.doesNotStartWith("seam_test")
			.doesNotStartWith("seam_at")
			.doesNotStartWith("seam_cst")
			.doesNotStartWith("seam_pk");
		withApiKey(token).get("/client_sessions/list").then().statusCode(200);
	}

	@Test
	void listWorkspacesThenEveryWorkspaceWithGetAndPost() {
		String workspaceId = createWorkspace("Listed").getString("workspace.workspace_id");
		for (String method : new String[] { "GET", "POST" }) {
			admin().request(method, "/_admin/workspaces/list")
				.then()
				.statusCode(200)
				.body("ok", equalTo(true))
				.body("workspaces.workspace_id", hasItems("seed_workspace_1", "seed_workspace_2", workspaceId))
				.body("workspaces.find { it.workspace_id == '" + workspaceId + "' }.name", equalTo("Listed"));
		}
	}

	@Test
	void createApiKeyThenTokenShownOnceWorksAndListNeverShowsTokens() {
		String workspaceId = createWorkspace("Keys").getString("workspace.workspace_id");
		JsonPath second = createApiKey(workspaceId, "Back end");
		String token = second.getString("api_key.token");
		assertThat(second.getString("api_key.name")).isEqualTo("Back end");
		assertThat(second.getString("api_key.workspace_id")).isEqualTo(workspaceId);
		assertThat(createApiKey(workspaceId, null).getString("api_key.name")).isEqualTo("API key");

		withApiKey(token).body("{\"user_identifier_key\":\"u1\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200);

		for (String method : new String[] { "GET", "POST" }) {
			RequestSpecification list = admin();
			list = method.equals("GET") ? list.queryParam("workspace_id", workspaceId)
					: list.body(Map.of("workspace_id", workspaceId));
			String body = list.request(method, "/_admin/api_keys/list")
				.then()
				.statusCode(200)
				.body("ok", equalTo(true))
				.body("api_keys.size()", equalTo(3))
				.body("api_keys.name", hasItems("Keys API key", "Back end", "API key"))
				.body("api_keys", everyItem(not(hasKey("token"))))
				.body("api_keys.short_token", everyItem(notNullValue()))
				.body("api_keys.workspace_id", everyItem(equalTo(workspaceId)))
				.extract()
				.asString();
			assertThat(body).doesNotContain(token);
		}
		assertThat(apiKeyRowsAsText(workspaceId)).hasSize(3).noneMatch((row) -> row.contains(token));
	}

	@Test
	void revokeApiKeyThenRefusedOnTheNextRequestAndRevokeIsIdempotent() {
		JsonPath created = createWorkspace("Revoked");
		String token = created.getString("api_key.token");
		String apiKeyId = created.getString("api_key.api_key_id");
		withApiKey(token).get("/client_sessions/list").then().statusCode(200);

		String revokedAt = admin().body(Map.of("api_key_id", apiKeyId))
			.post("/_admin/api_keys/revoke")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("api_key.api_key_id", equalTo(apiKeyId))
			.body("api_key.revoked_at", notNullValue())
			.body("api_key", not(hasKey("token")))
			.extract()
			.path("api_key.revoked_at");

		withApiKey(token).get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("unauthorized"));
		admin().body(Map.of("api_key_id", apiKeyId))
			.post("/_admin/api_keys/revoke")
			.then()
			.statusCode(200)
			.body("api_key.revoked_at", equalTo(revokedAt));
		admin().body(Map.of("workspace_id", created.getString("workspace.workspace_id")))
			.post("/_admin/api_keys/list")
			.then()
			.body("api_keys[0].revoked_at", equalTo(revokedAt));
	}

	@Test
	void rotateApiKeyThenOldRefusedAtOnceAndNewWorks() {
		JsonPath created = createWorkspace("Rotated");
		String workspaceId = created.getString("workspace.workspace_id");
		String oldToken = created.getString("api_key.token");
		String oldId = created.getString("api_key.api_key_id");
		withApiKey(oldToken).body("{\"user_identifier_key\":\"before\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200);

		JsonPath rotated = admin().body(Map.of("api_key_id", oldId))
			.post("/_admin/api_keys/rotate")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("api_key.workspace_id", equalTo(workspaceId))
			.body("api_key.name", equalTo("Rotated API key"))
			.body("api_key.revoked_at", nullValue())
			.extract()
			.jsonPath();
		String newToken = rotated.getString("api_key.token");
		assertThat(newToken).startsWith("seam_test").isNotEqualTo(oldToken);
		assertThat(rotated.getString("api_key.api_key_id")).isNotEqualTo(oldId);

		withApiKey(oldToken).get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		// The new key sees the workspace's sessions, made with the old one.
		withApiKey(newToken).get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("client_sessions.user_identifier_key", hasItem("before"));
		// A revoked key cannot be rotated back to life.
		admin().body(Map.of("api_key_id", oldId))
			.post("/_admin/api_keys/rotate")
			.then()
			.statusCode(400)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("api_key_revoked"));
		assertThat(apiKeyRowsAsText(workspaceId)).hasSize(2)
			.noneMatch((row) -> row.contains(oldToken) || row.contains(newToken));
	}

	@Test
	void rotateWhenRacingThenExactlyOneRotationSucceeds() throws Exception {
		JsonPath created = createWorkspace("Raced");
		String body = "{\"api_key_id\":\"" + created.getString("api_key.api_key_id") + "\"}";
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Callable<Integer> rotate = () -> http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/_admin/api_keys/rotate"))
				.header("seam-admin-token", ADMIN_TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
		List<Integer> statuses = TestHttp.race(Collections.nCopies(8, rotate));
		assertThat(statuses).containsOnly(200, 400).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(apiKeyRowsAsText(created.getString("workspace.workspace_id"))).hasSize(2);
	}

	@Test
	void publishableKeysWhenCreatedListedAndRevokedThenEffectiveAtOnce() {
		JsonPath created = createWorkspace("Front end");
		String workspaceId = created.getString("workspace.workspace_id");
		String first = created.getString("workspace.publishable_key");

		JsonPath second = admin().body(Map.of("workspace_id", workspaceId))
			.post("/_admin/publishable_keys/create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("publishable_key.workspace_id", equalTo(workspaceId))
			.body("publishable_key.publishable_key", startsWith("seam_pk1"))
			.body("publishable_key.revoked_at", nullValue())
			.extract()
			.jsonPath();
		String secondKey = second.getString("publishable_key.publishable_key");
		assertThat(secondKey).isNotEqualTo(first);

		JsonPath listed = admin().queryParam("workspace_id", workspaceId)
			.get("/_admin/publishable_keys/list")
			.then()
			.statusCode(200)
			.body("publishable_keys.size()", equalTo(2))
			.extract()
			.jsonPath();
		assertThat(listed.getList("publishable_keys.publishable_key")).containsExactly(first, secondKey);
		String firstId = listed.getString("publishable_keys[0].publishable_key_id");
		// The workspace shows its newest live key.
		withApiKey(created.getString("api_key.token")).get("/workspaces/get")
			.then()
			.body("workspace.publishable_key", equalTo(secondKey));

		publishableKeyGetOrCreate(first).then().statusCode(200);
		admin().body(Map.of("publishable_key_id", firstId))
			.post("/_admin/publishable_keys/revoke")
			.then()
			.statusCode(200)
			.body("publishable_key.publishable_key_id", equalTo(firstId))
			.body("publishable_key.revoked_at", notNullValue());
		publishableKeyGetOrCreate(first).then()
			.statusCode(401)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("workspace_not_found"));
		publishableKeyGetOrCreate(secondKey).then().statusCode(200);

		// With every key revoked the workspace shows none (the member is optional in
		// Seam's workspace).
		admin().body(Map.of("publishable_key_id", second.getString("publishable_key.publishable_key_id")))
			.post("/_admin/publishable_keys/revoke")
			.then()
			.statusCode(200);
		publishableKeyGetOrCreate(secondKey).then().statusCode(401);
		withApiKey(created.getString("api_key.token")).get("/workspaces/get")
			.then()
			.statusCode(200)
			.body("workspace", not(hasKey("publishable_key")));
	}

	@Test
	void adminRoutesWhenAdminTokenMissingOrWrongThenUnauthorizedAndNothingWritten() {
		String before = rowCounts();
		for (String[] route : ROUTES) {
			String what = route[1];
			RestAssured.given()
				.contentType(ContentType.JSON)
				.body(route[2])
				.request(route[0], route[1])
				.then()
				.statusCode(401)
				.contentType(ContentType.JSON)
				.header("seam-request-id", startsWith("request"))
				.body("ok", equalTo(false))
				.body("error.type", equalTo("unauthorized"));
			for (String wrong : new String[] { ADMIN_TOKEN + "x", ADMIN_TOKEN.substring(1), "",
					"seam_apikey1_token" }) {
				RestAssured.given()
					.contentType(ContentType.JSON)
					.header("seam-admin-token", wrong)
					.body(route[2])
					.request(route[0], route[1])
					.then()
					.statusCode(401)
					.body("ok", equalTo(false))
					.body("error.type", equalTo("unauthorized"))
					.body("error.message", equalTo("Admin token is not valid"));
			}
			// Seam credentials open no admin route, and the admin token is no bearer
			// token.
			for (String bearer : new String[] { API_KEY_1, SEED_CST, ADMIN_TOKEN }) {
				RestAssured.given()
					.contentType(ContentType.JSON)
					.header("Authorization", "Bearer " + bearer)
					.body(route[2])
					.request(route[0], route[1])
					.then()
					.statusCode(401)
					.body("error.type", equalTo("unauthorized"));
			}
			assertThat(rowCounts()).as(what).isEqualTo(before);
		}
		assertThat(this.jdbc.sql("select count(*) from api_keys where api_key_id = 'api_key1' and revoked_at is null")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void adminTokenWhenUsedOnSeamRoutesThenUnauthorized() {
		admin().get("/client_sessions/list").then().statusCode(401).body("error.type", equalTo("unauthorized"));
		admin().get("/workspaces/list").then().statusCode(401).body("error.type", equalTo("unauthorized"));
	}

	@Test
	void adminTokenWhenBrowserAsksToSendItCrossOriginThenHeaderNotAllowed() {
		// The preflight's allowed headers leave seam-admin-token out, so a browser never
		// sends the actual request.
		String allowed = RestAssured.given()
			.header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "seam-admin-token,content-type")
			.options("/_admin/workspaces/create")
			.then()
			.extract()
			.header("Access-Control-Allow-Headers");
		assertThat(String.valueOf(allowed).toLowerCase()).doesNotContain("seam-admin-token");
		// Seam's own headers are allowed.
		String seam = RestAssured.given()
			.header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "seam-publishable-key,content-type")
			.options("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.extract()
			.header("Access-Control-Allow-Headers");
		assertThat(seam.toLowerCase()).contains("seam-publishable-key");
	}

	@Test
	void adminRoutesWhenWrongMethodThenMethodNotAllowedAfterTheCredential() {
		admin().get("/_admin/workspaces/create")
			.then()
			.statusCode(405)
			.body("error.type", equalTo("method_not_allowed"));
		admin().delete("/_admin/api_keys/revoke").then().statusCode(405);
		RestAssured.given().get("/_admin/workspaces/create").then().statusCode(401);
	}

	@Test
	void adminRoutesWhenParametersInvalidThenInvalidInputAndNothingWritten() {
		String before = rowCounts();
		expectInvalid("/_admin/workspaces/create", "{}", "name", "name is required");
		expectInvalid("/_admin/workspaces/create", "{\"name\":123}", "name",
				"Expected string, received number for \"name\"");
		expectInvalid("/_admin/workspaces/create", "{\"name\":\"\"}", "name",
				"String must contain at least 1 character(s) for \"name\"");
		expectInvalid("/_admin/workspaces/create", "{\"name\":\"   \"}", "name",
				"String must contain at least 1 character(s) for \"name\"");
		expectInvalid("/_admin/workspaces/create", "{\"name\":\"x\",\"is_sandbox\":\"yes\"}", "is_sandbox",
				"Expected boolean, received string for \"is_sandbox\"");
		expectInvalid("/_admin/workspaces/create", "{\"name\":\"x\",\"create_api_key\":1}", "create_api_key",
				"Expected boolean, received number for \"create_api_key\"");
		expectInvalid("/_admin/workspaces/create", "{\"name\":\"" + "n".repeat(1001) + "\"}", "name",
				"String must contain at most 1000 character(s) for \"name\"");
		expectInvalid("/_admin/api_keys/create", "{}", "workspace_id", "workspace_id is required");
		expectInvalid("/_admin/api_keys/create", "{\"workspace_id\":\"seed_workspace_1\",\"name\":[]}", "name",
				"Expected string, received array for \"name\"");
		expectInvalid("/_admin/api_keys/list", "{}", "workspace_id", "workspace_id is required");
		expectInvalid("/_admin/api_keys/revoke", "{\"api_key_id\":null}", "api_key_id",
				"Expected string, received null for \"api_key_id\"");
		expectInvalid("/_admin/api_keys/rotate", "{}", "api_key_id", "api_key_id is required");
		expectInvalid("/_admin/publishable_keys/create", "{\"workspace_id\":false}", "workspace_id",
				"Expected string, received boolean for \"workspace_id\"");
		expectInvalid("/_admin/publishable_keys/list", "{}", "workspace_id", "workspace_id is required");
		expectInvalid("/_admin/publishable_keys/revoke", "{}", "publishable_key_id", "publishable_key_id is required");
		admin().body("[1]")
			.post("/_admin/workspaces/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		admin().body("{\"name\":")
			.post("/_admin/workspaces/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void adminRoutesWhenUnknownIdsThenNotFoundAndNothingWritten() {
		String before = rowCounts();
		expectNotFound("/_admin/api_keys/create", "{\"workspace_id\":\"no_such_workspace\"}", "workspace_not_found");
		expectNotFound("/_admin/api_keys/list", "{\"workspace_id\":\"no_such_workspace\"}", "workspace_not_found");
		expectNotFound("/_admin/api_keys/revoke", "{\"api_key_id\":\"no_such_key\"}", "api_key_not_found");
		expectNotFound("/_admin/api_keys/rotate", "{\"api_key_id\":\"no_such_key\"}", "api_key_not_found");
		expectNotFound("/_admin/publishable_keys/create", "{\"workspace_id\":\"no_such_workspace\"}",
				"workspace_not_found");
		expectNotFound("/_admin/publishable_keys/list", "{\"workspace_id\":\"no_such_workspace\"}",
				"workspace_not_found");
		expectNotFound("/_admin/publishable_keys/revoke", "{\"publishable_key_id\":\"no_such_key\"}",
				"publishable_key_not_found");
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void keysWhenTwoProvisionedWorkspacesThenEachKeySeesOnlyItsOwnWorkspace() {
		JsonPath a = createWorkspace("Tenant A");
		JsonPath b = createWorkspace("Tenant B");
		String aId = a.getString("workspace.workspace_id");
		String bId = b.getString("workspace.workspace_id");
		String aToken = a.getString("api_key.token");
		String bToken = b.getString("api_key.token");
		String extraB = createApiKey(bId, "B extra").getString("api_key.api_key_id");

		String sessionId = withApiKey(aToken).body("{\"user_identifier_key\":\"shared-name\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		withApiKey(bToken).queryParam("client_session_id", sessionId)
			.get("/client_sessions/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("client_session_not_found"));
		withApiKey(bToken).get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("client_sessions.size()", equalTo(0));
		// The same user identifier key is another user in B.
		withApiKey(bToken).body("{\"user_identifier_key\":\"shared-name\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo(bId))
			.body("client_session.client_session_id", not(equalTo(sessionId)));
		withApiKey(aToken).get("/workspaces/list")
			.then()
			.body("workspaces.size()", equalTo(1))
			.body("workspaces[0].workspace_id", equalTo(aId));

		admin().body(Map.of("workspace_id", aId))
			.post("/_admin/api_keys/list")
			.then()
			.body("api_keys.workspace_id", everyItem(equalTo(aId)))
			.body("api_keys.api_key_id", not(hasItem(extraB)));
		// A publishable key of B creates sessions in B only.
		publishableKeyGetOrCreate(b.getString("workspace.publishable_key")).then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo(bId));
		// Revoking B's key leaves A's working.
		admin().body(Map.of("api_key_id", b.getString("api_key.api_key_id"))).post("/_admin/api_keys/revoke");
		withApiKey(bToken).get("/client_sessions/list").then().statusCode(401);
		withApiKey(aToken).get("/client_sessions/list").then().statusCode(200);
	}

	private void expectInvalid(String path, String body, String parameter, String message) {
		admin().body(body)
			.post(path)
			.then()
			.statusCode(400)
			.contentType(ContentType.JSON)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo(message))
			.body("error.validation_errors." + parameter + "._errors", notNullValue());
	}

	private static void expectNotFound(String path, String body, String type) {
		admin().body(body)
			.post(path)
			.then()
			.statusCode(404)
			.body("ok", equalTo(false))
			.body("error.type", equalTo(type));
	}

	private static RequestSpecification admin() {
		return RestAssured.given().contentType(ContentType.JSON).header("seam-admin-token", ADMIN_TOKEN);
	}

	private static JsonPath createWorkspace(String name) {
		return admin().body(Map.of("name", name))
			.post("/_admin/workspaces/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

	private static JsonPath createApiKey(String workspaceId, String name) {
		Map<String, String> body = (name != null) ? Map.of("workspace_id", workspaceId, "name", name)
				: Map.of("workspace_id", workspaceId);
		return admin().body(body)
			.post("/_admin/api_keys/create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("api_key.token", notNullValue())
			.extract()
			.jsonPath();
	}

	private static io.restassured.response.Response publishableKeyGetOrCreate(String publishableKey) {
		return anonymous().header("seam-publishable-key", publishableKey)
			.body("{\"user_identifier_key\":\"browser-user\"}")
			.post("/client_sessions/get_or_create");
	}

	private List<String> apiKeyRowsAsText(String workspaceId) {
		return this.jdbc.sql("select cast(k.* as text) from api_keys k where workspace_id = :workspaceId")
			.param("workspaceId", workspaceId)
			.query(String.class)
			.list();
	}

	/**
	 * How many workspaces, API keys and publishable keys there are, and how many are
	 * revoked: any write changes it.
	 */
	private String rowCounts() {
		return this.jdbc
			.sql("""
					select concat_ws(',', (select count(*) from workspaces), (select count(*) from api_keys),
					       (select count(*) from api_keys where revoked_at is not null), (select count(*) from publishable_keys),
					       (select count(*) from publishable_keys where revoked_at is not null))""")
			.query(String.class)
			.single();
	}

}
