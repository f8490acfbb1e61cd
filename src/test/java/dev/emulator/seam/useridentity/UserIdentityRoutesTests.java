package dev.emulator.seam.useridentity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code /user_identities/create}, {@code /get} and {@code /list} with each kind of
 * credential: a client session token may only list, and then sees its own identity only
 * (BEHAVIOUR 2.5, 4.7).
 */
class UserIdentityRoutesTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	// create

	@Test
	void createWhenApiKeyThenIdentityWithEmailAsDisplayName() {
		asWorkspace1().body("{\"user_identity_key\":\"u-1\",\"email_address\":\"ann@example.com\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("user_identity.user_identity_id", matchesPattern("[0-9a-f-]{36}"))
			.body("user_identity.user_identity_key", equalTo("u-1"))
			.body("user_identity.email_address", equalTo("ann@example.com"))
			.body("user_identity.display_name", equalTo("ann@example.com"))
			.body("user_identity", hasKey("phone_number"))
			.body("user_identity.phone_number", nullValue())
			.body("user_identity", hasKey("full_name"))
			.body("user_identity.full_name", nullValue())
			.body("user_identity.workspace_id", equalTo("seed_workspace_1"))
			.body("user_identity.created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
			.body("user_identity.errors", empty())
			.body("user_identity.warnings", empty())
			.body("user_identity.acs_user_ids", empty());
	}

	@Test
	void createWhenNamesGivenThenDisplayNamePrefersFullNameThenEmailThenKey() {
		asWorkspace1().body("""
				{"user_identity_key":"u-2","email_address":"bo@example.com","full_name":"Bo Bright",
				 "phone_number":"+15555550100"}""")
			.post("/user_identities/create")
			.then()
			.statusCode(200)
			.body("user_identity.display_name", equalTo("Bo Bright"))
			.body("user_identity.phone_number", equalTo("+15555550100"));
		asWorkspace1().body("{\"user_identity_key\":\"u-3\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(200)
			.body("user_identity.display_name", equalTo("u-3"));
		asWorkspace1().body("{}")
			.post("/user_identities/create")
			.then()
			.statusCode(200)
			.body("user_identity.display_name", equalTo("User Identity"))
			.body("user_identity.user_identity_key", nullValue());
		// identities without a key do not collide
		asWorkspace1().body("{}").post("/user_identities/create").then().statusCode(200);
	}

	@Test
	void createWhenPersonalAccessTokenThenCreated() {
		withPat().body("{\"user_identity_key\":\"pat-user\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(200)
			.body("user_identity.workspace_id", equalTo("seed_workspace_1"));
	}

	@Test
	void createWhenKeyTakenThenAlreadyExists() {
		asWorkspace1().body("{\"user_identity_key\":\"john_user_identifier_key\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("user_identity_key_already_exists"));
		// keys are per workspace
		asWorkspace2().body("{\"user_identity_key\":\"john_user_identifier_key\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(200)
			.body("user_identity.workspace_id", equalTo("seed_workspace_2"));
	}

	@Test
	void createWhenSameKeyConcurrentlyThenExactlyOneCreated() throws Exception {
		String key = "racing-" + UUID.randomUUID();
		List<Callable<Integer>> creates = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			creates.add(() -> asWorkspace1().body("{\"user_identity_key\":\"" + key + "\"}")
				.post("/user_identities/create")
				.then()
				.extract()
				.statusCode());
		}
		List<Integer> statuses = TestHttp.race(creates);
		assertThat(statuses).containsOnly(200, 400);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from user_identities where user_identity_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void createWhenInvalidParamsThenInvalidInput() {
		asWorkspace1().body("{\"email_address\":\"not-an-email\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Invalid email for \"email_address\""));
		asWorkspace1().body("{\"user_identity_key\":7}")
			.post("/user_identities/create")
			.then()
			.statusCode(400)
			.body("error.message", equalTo("Expected string, received number for \"user_identity_key\""));
		asWorkspace1().body("{\"user_identity_key\":\"\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(400)
			.body("error.validation_errors.user_identity_key._errors[0]",
					equalTo("String must contain at least 1 character(s)"));
		asWorkspace1().body("{\"phone_number\":\"555-0100\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(400)
			.body("error.validation_errors", hasKey("phone_number"));
	}

	@Test
	void createWhenClientSessionTokenOrPublishableKeyThenUnauthorized() {
		withCst(SEED_CST).body("{\"user_identity_key\":\"x\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		withPublishableKey().body("{\"user_identity_key\":\"x\"}")
			.post("/user_identities/create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	// get

	@Test
	void getWhenIdOrKeyThenSeedIdentity() {
		asWorkspace1().queryParam("user_identity_id", "john_user_identity_id")
			.get("/user_identities/get")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("user_identity.user_identity_id", equalTo("john_user_identity_id"))
			.body("user_identity.user_identity_key", equalTo("john_user_identifier_key"))
			.body("user_identity.email_address", equalTo("jane@example.com"))
			.body("user_identity.display_name", equalTo("jane@example.com"));
		asWorkspace1().body("{\"user_identity_key\":\"john_user_identifier_key\"}")
			.post("/user_identities/get")
			.then()
			.statusCode(200)
			.body("user_identity.user_identity_id", equalTo("john_user_identity_id"));
	}

	@Test
	void getWhenPersonalAccessTokenThenIdentity() {
		withPat().queryParam("user_identity_id", "john_user_identity_id")
			.get("/user_identities/get")
			.then()
			.statusCode(200)
			.body("user_identity.user_identity_id", equalTo("john_user_identity_id"));
	}

	@Test
	void getWhenIdAndKeyDisagreeThenNotFound() {
		asWorkspace1().body("{\"user_identity_id\":\"john_user_identity_id\",\"user_identity_key\":\"other\"}")
			.post("/user_identities/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("user_identity_not_found"));
	}

	@Test
	void getWhenNeitherIdNorKeyThenInvalidInput() {
		asWorkspace1().get("/user_identities/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Must specify either user_identity_id or user_identity_key"));
	}

	@Test
	void getWhenUnknownOrOtherWorkspaceThenNotFound() {
		asWorkspace1().queryParam("user_identity_id", "nobody")
			.get("/user_identities/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("user_identity_not_found"));
		asWorkspace2().queryParam("user_identity_id", "john_user_identity_id")
			.get("/user_identities/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("user_identity_not_found"));
		asWorkspace2().queryParam("user_identity_key", "john_user_identifier_key")
			.get("/user_identities/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("user_identity_not_found"));
	}

	@Test
	void getWhenClientSessionTokenOrPublishableKeyThenUnauthorized() {
		withCst(SEED_CST).queryParam("user_identity_id", "john_user_identity_id")
			.get("/user_identities/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		withPublishableKey().queryParam("user_identity_id", "john_user_identity_id")
			.get("/user_identities/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	// list

	@Test
	void listWhenApiKeyThenWorkspaceIdentitiesOldestFirst() {
		String created = createIdentity("{\"user_identity_key\":\"u-10\"}");
		asWorkspace1().get("/user_identities/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("user_identities.user_identity_id", contains("john_user_identity_id", created))
			.body("pagination.has_next_page", equalTo(false))
			.body("pagination", hasKey("next_page_cursor"));
	}

	@Test
	void listWhenPersonalAccessTokenThenWorkspaceIdentities() {
		withPat().body("{}")
			.post("/user_identities/list")
			.then()
			.statusCode(200)
			.body("user_identities.user_identity_id", contains("john_user_identity_id"));
	}

	@Test
	void listWhenClientSessionTokenThenOnlyItsIdentity() {
		createIdentity("{\"user_identity_key\":\"u-11\"}");
		withCst(SEED_CST).get("/user_identities/list")
			.then()
			.statusCode(200)
			.body("user_identities.user_identity_id", contains("john_user_identity_id"));
	}

	@Test
	void listWhenClientSessionWithoutIdentityThenEmpty() {
		String token = asWorkspace1().body("{\"user_identifier_key\":\"no-identity\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
		withCst(token).get("/user_identities/list").then().statusCode(200).body("user_identities", empty());
	}

	@Test
	void listWhenFiltersThenMatchingIdentities() {
		String bo = createIdentity("{\"user_identity_key\":\"u-12\",\"full_name\":\"Bo Bright\"}");
		String cy = createIdentity("{\"user_identity_key\":\"u-13\",\"email_address\":\"cy@example.com\"}");
		asWorkspace1().queryParam("search", "bright")
			.get("/user_identities/list")
			.then()
			.body("user_identities.user_identity_id", contains(bo));
		asWorkspace1().queryParam("user_identity_ids", "john_user_identity_id," + cy)
			.get("/user_identities/list")
			.then()
			.body("user_identities.user_identity_id", contains("john_user_identity_id", cy));
		asWorkspace1().queryParam("credential_manager_acs_system_id", "visionline_acs_system_1")
			.get("/user_identities/list")
			.then()
			.body("user_identities", empty());
	}

	@Test
	void listWhenLimitThenPagesFollowTheCursor() {
		String second = createIdentity("{\"user_identity_key\":\"u-14\"}");
		String third = createIdentity("{\"user_identity_key\":\"u-15\"}");
		JsonPath page1 = asWorkspace1().queryParam("limit", 2)
			.get("/user_identities/list")
			.then()
			.statusCode(200)
			.body("user_identities.user_identity_id", contains("john_user_identity_id", second))
			.body("pagination.has_next_page", equalTo(true))
			.extract()
			.jsonPath();
		asWorkspace1().queryParam("limit", 2)
			.queryParam("page_cursor", page1.getString("pagination.next_page_cursor"))
			.get("/user_identities/list")
			.then()
			.statusCode(200)
			.body("user_identities.user_identity_id", contains(third))
			.body("pagination.has_next_page", equalTo(false))
			.body("pagination.next_page_cursor", nullValue());
	}

	@Test
	void listWhenOtherWorkspaceThenNothingOfWorkspace1() {
		asWorkspace2().get("/user_identities/list").then().statusCode(200).body("user_identities", empty());
	}

	@Test
	void listWhenPublishableKeyThenUnauthorized() {
		withPublishableKey().get("/user_identities/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	private static String createIdentity(String body) {
		return asWorkspace1().body(body)
			.post("/user_identities/create")
			.then()
			.statusCode(200)
			.extract()
			.path("user_identity.user_identity_id");
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
