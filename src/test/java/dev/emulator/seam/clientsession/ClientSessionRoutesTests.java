package dev.emulator.seam.clientsession;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every client session route and every method it accepts (BEHAVIOUR 3.1), against the
 * seed of BEHAVIOUR 7.1, with the seed API key of {@code seed_workspace_1}.
 */
class ClientSessionRoutesTests extends ApiTest {

	/** JavaScript's {@code toISOString()}: milliseconds, UTC, {@code Z}. */
	private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	/**
	 * Seam's fake gives a session without {@code expires_at} one year of 365.25 days
	 * (BEHAVIOUR 3.5).
	 */
	private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes((long) (365.25 * 24 * 60));

	@Autowired
	JdbcClient jdbc;

	// ---- create
	// ------------------------------------------------------------------------------------------------

	@Test
	void createWhenPutWithoutParamsThenNewSessionWithDefaults() {
		Instant before = Instant.now();
		JsonPath created = asWorkspace1().body("{}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("client_session.client_session_id", notNullValue())
			.body("client_session.workspace_id", equalTo("seed_workspace_1"))
			.body("client_session.token", startsWith("seam_cst"))
			.body("client_session", hasKey("user_identifier_key"))
			.body("client_session.user_identifier_key", nullValue())
			.body("client_session.connected_account_ids", empty())
			.body("client_session.connect_webview_ids", empty())
			.body("client_session.user_identity_ids", empty())
			.body("client_session", not(hasKey("user_identity_id")))
			.body("client_session", not(hasKey("customer_key")))
			.body("client_session.device_count", equalTo(0))
			.body("client_session.created_at", matchesPattern(ISO_MILLIS))
			.body("client_session.expires_at", matchesPattern(ISO_MILLIS))
			.extract()
			.jsonPath();
		Instant createdAt = Instant.parse(created.getString("client_session.created_at"));
		Instant expiresAt = Instant.parse(created.getString("client_session.expires_at"));
		assertThat(createdAt).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
		assertThat(Duration.between(createdAt, expiresAt).toMillis()).isCloseTo(DEFAULT_LIFETIME.toMillis(),
				within(1000L));
	}

	@Test
	void createWhenSessionReturnedThenNoInternalFieldIsEmitted() {
		Map<String, Object> session = asWorkspace1().body("""
				{"user_identifier_key":"internal-fields","customer_id":"customer-1","customer_key":"ck"}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session");
		assertThat(session).doesNotContainKeys("revoked_at", "api_key_id", "publishable_key", "customer_id",
				"created_via", "token_hash", "live_user_identifier_key");
	}

	@Test
	void createWhenPostWithEveryParamThenAllAreHonoured() {
		asWorkspace1().body("""
				{
					"user_identifier_key": "user-post",
					"connected_account_ids": ["john_connected_account_id", "jane_connected_account_id"],
					"connect_webview_ids": ["connect_webview1"],
					"user_identity_id": "john_user_identity_id",
					"expires_at": "2030-01-02T03:04:05.678Z",
					"customer_key": "customer-key-1",
					"customer_id": "customer-id-1"
				}""")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("client_session.token", startsWith("seam_cst"))
			.body("client_session.user_identifier_key", equalTo("user-post"))
			.body("client_session.connected_account_ids",
					contains("john_connected_account_id", "jane_connected_account_id"))
			.body("client_session.connect_webview_ids", contains("connect_webview1"))
			.body("client_session.user_identity_id", equalTo("john_user_identity_id"))
			.body("client_session.user_identity_ids", contains("john_user_identity_id"))
			.body("client_session.expires_at", equalTo("2030-01-02T03:04:05.678Z"))
			.body("client_session.customer_key", equalTo("customer-key-1"))
			.body("client_session", not(hasKey("customer_id")))
			.body("client_session.device_count", equalTo(5));
	}

	@Test
	void createWhenExpiresAtHasOffsetThenSameInstantInUtc() {
		asWorkspace1().body("""
				{"expires_at":"2030-06-01T12:00:00.250+02:00"}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.expires_at", equalTo("2030-06-01T10:00:00.250Z"));
	}

	@Test
	void createWhenExpiresAtWithoutOrWithSubMillisecondsThenMillisecondsReturned() {
		asWorkspace1().body("""
				{"expires_at":"2030-01-01T00:00:00Z"}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.expires_at", equalTo("2030-01-01T00:00:00.000Z"));
		asWorkspace1().body("""
				{"expires_at":"2030-01-01T00:00:00.123456Z"}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.expires_at", equalTo("2030-01-01T00:00:00.123Z"));
	}

	@Test
	void createWhenDeprecatedUserIdentityIdsGivenThenMirroredAsUserIdentityId() {
		asWorkspace1().body("""
				{"user_identity_ids":["john_user_identity_id"]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.user_identity_id", equalTo("john_user_identity_id"))
			.body("client_session.user_identity_ids", contains("john_user_identity_id"));
	}

	@Test
	void createWhenAccountsGivenThenDeviceCountIsTheirManagedDevices() {
		asWorkspace1().body("""
				{"connected_account_ids":["jane_connected_account_id"]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.device_count", equalTo(1));
		asWorkspace1().body("""
				{"connected_account_ids":["john_assa_cs_connected_account_id"]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.device_count", equalTo(0));
	}

	@Test
	void createWhenTwoSessionsCreatedThenIdsAndTokensDiffer() {
		JsonPath first = asWorkspace1().body("{}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		JsonPath second = asWorkspace1().body("{}")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		assertThat(second.getString("client_session.client_session_id"))
			.isNotEqualTo(first.getString("client_session.client_session_id"));
		assertThat(second.getString("client_session.token")).isNotEqualTo(first.getString("client_session.token"));
	}

	@Test
	void createWhenCreatedThenReadableByGet() {
		JsonPath created = asWorkspace1().body("""
				{"user_identifier_key":"readable","connected_account_ids":["john_connected_account_id"]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		Map<String, Object> session = created.getMap("client_session");
		Map<String, Object> read = asWorkspace1().queryParam("client_session_id", session.get("client_session_id"))
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session");
		assertThat(read).isEqualTo(session);
	}

	@Test
	void createWhenPutForUserWithLiveSessionThenExistingSessionUnchanged() {
		asWorkspace1()
			.body("""
					{"user_identifier_key":"john_user_identifier_key","connected_account_ids":["jane_connected_account_id"]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.token", equalTo(SEED_CST))
			.body("client_session.connected_account_ids", contains("john_connected_account_id"))
			.body("client_session.device_count", equalTo(4));
	}

	@Test
	void createWhenPostForUserWithLiveSessionThenTokenAlreadyExists() {
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/create")
			.then()
			.statusCode(400)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("client_session_token_already_exists"));
		assertThat(listIds(asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/list")
			.then())).containsExactly("cst1");
	}

	@Test
	void createWhenConcurrentPutsForSameUserThenOneSession() throws Exception {
		Set<String> ids = concurrently(8,
				() -> asWorkspace1().body("""
						{"user_identifier_key":"racing-put"}""")
					.put("/client_sessions/create")
					.then()
					.statusCode(200)
					.extract()
					.path("client_session.client_session_id"));
		assertThat(ids).hasSize(1);
		assertThat(listIds(
				asWorkspace1().queryParam("user_identifier_key", "racing-put").get("/client_sessions/list").then()))
			.containsExactlyElementsOf(ids);
	}

	@Test
	void createWhenConcurrentPostsForSameUserThenOneCreatedOthersRefused() throws Exception {
		List<String> outcomes = new ArrayList<>(concurrentlyAll(8, () -> {
			Response response = asWorkspace1().body("""
					{"user_identifier_key":"racing-post"}""").post("/client_sessions/create");
			return response.statusCode() + " "
					+ ((response.statusCode() == 200) ? "created" : response.jsonPath().getString("error.type"));
		}));
		assertThat(outcomes).filteredOn("200 created"::equals).hasSize(1);
		assertThat(outcomes).filteredOn((o) -> !o.equals("200 created"))
			.hasSize(7)
			.containsOnly("400 client_session_token_already_exists");
	}

	// ---- get
	// ---------------------------------------------------------------------------------------------------

	@Test
	void getWhenGetByIdThenSeededSession() {
		JsonPath read = asWorkspace1().queryParam("client_session_id", "cst1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.workspace_id", equalTo("seed_workspace_1"))
			.body("client_session.token", equalTo(SEED_CST))
			.body("client_session.user_identifier_key", equalTo("john_user_identifier_key"))
			.body("client_session.connected_account_ids", contains("john_connected_account_id"))
			.body("client_session.connect_webview_ids", contains("connect_webview1"))
			.body("client_session.user_identity_ids", contains("john_user_identity_id"))
			.body("client_session.user_identity_id", equalTo("john_user_identity_id"))
			.body("client_session.device_count", equalTo(4))
			.extract()
			.jsonPath();
		Instant createdAt = Instant.parse(read.getString("client_session.created_at"));
		Instant expiresAt = Instant.parse(read.getString("client_session.expires_at"));
		assertThat(Duration.between(createdAt, expiresAt).toMillis()).isCloseTo(DEFAULT_LIFETIME.toMillis(),
				within(1000L));
	}

	@Test
	void getWhenPostBodyByIdThenSession() {
		asWorkspace1().body("""
				{"client_session_id":"cst1"}""")
			.post("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.token", equalTo(SEED_CST));
	}

	@Test
	void getWhenGetByUserIdentifierKeyThenSession() {
		asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
	}

	@Test
	void getWhenPostBodyByUserIdentifierKeyThenSession() {
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
	}

	@Test
	void getWhenIdAndKeyNameSameSessionThenSession() {
		asWorkspace1().queryParam("client_session_id", "cst1")
			.queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
		asWorkspace1().body("""
				{"client_session_id":"cst1","user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
	}

	@Test
	void getWhenIdAndKeyNameDifferentSessionsThenNotFound() {
		createSession("""
				{"user_identifier_key":"other-user"}""");
		assertNotFound(asWorkspace1().queryParam("client_session_id", "cst1")
			.queryParam("user_identifier_key", "other-user")
			.get("/client_sessions/get")
			.then());
		assertNotFound(asWorkspace1().body("""
				{"client_session_id":"cst1","user_identifier_key":"other-user"}""")
			.post("/client_sessions/get")
			.then());
	}

	@Test
	void getWhenNeitherIdNorKeyThenNotFound() {
		assertNotFound(asWorkspace1().get("/client_sessions/get").then());
		assertNotFound(asWorkspace1().body("{}").post("/client_sessions/get").then());
	}

	@Test
	void getWhenUnknownIdOrKeyThenNotFound() {
		assertNotFound(
				asWorkspace1().queryParam("client_session_id", "no_such_session").get("/client_sessions/get").then());
		assertNotFound(
				asWorkspace1().queryParam("user_identifier_key", "no_such_user").get("/client_sessions/get").then());
	}

	@Test
	void getWhenStrictQueryParamSentThenIgnored() {
		asWorkspace1().queryParam("_strict", "true")
			.queryParam("client_session_id", "cst1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
	}

	@Test
	void getWhenPostHasIdInQueryStringThenSession() {
		asWorkspace1().queryParam("client_session_id", "cst1")
			.body("{}")
			.post("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
	}

	@Test
	void getWhenPostHasIdInQueryStringAndBodyThenBodyWins() {
		assertNotFound(asWorkspace1().queryParam("client_session_id", "cst1").body("""
				{"client_session_id":"no_such_session"}""").post("/client_sessions/get").then());
	}

	@Test
	void getWhenUserHasRevokedAndLiveSessionThenLiveSession() {
		revoke("cst1");
		String live = createSession("""
				{"user_identifier_key":"john_user_identifier_key"}""");
		asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(live));
	}

	@Test
	void getWhenUserHasOnlyRevokedSessionThenThatSession() {
		revoke("cst1");
		asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
	}

	@Test
	void getWhenSessionExpiredThenStillReadableByIdAndListed() {
		String id = createSession("""
				{"user_identifier_key":"expired-user","expires_at":"2020-01-01T00:00:00.000Z"}""");
		asWorkspace1().queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.expires_at", equalTo("2020-01-01T00:00:00.000Z"));
		assertThat(listIds(
				asWorkspace1().queryParam("user_identifier_key", "expired-user").get("/client_sessions/list").then()))
			.containsExactly(id);
	}

	// ---- get_or_create
	// -----------------------------------------------------------------------------------------

	@Test
	void getOrCreateWhenUserHasNoSessionThenNewSessionThenSameOneAgain() {
		JsonPath created = asWorkspace1().body("""
				{"user_identifier_key":"fresh-user","connected_account_ids":["john_connected_account_id"]}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("client_session.token", startsWith("seam_cst"))
			.body("client_session.user_identifier_key", equalTo("fresh-user"))
			.body("client_session.connected_account_ids", contains("john_connected_account_id"))
			.body("client_session.connect_webview_ids", empty())
			.body("client_session.device_count", equalTo(4))
			.extract()
			.jsonPath();
		String id = created.getString("client_session.client_session_id");
		assertThat(id).isNotEqualTo("cst1");
		asWorkspace1().body("""
				{"user_identifier_key":"fresh-user"}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(id))
			.body("client_session.token", equalTo(created.getString("client_session.token")));
		assertThat(listIds(asWorkspace1().get("/client_sessions/list").then())).containsExactly("cst1", id);
	}

	@Test
	void getOrCreateWhenSeededUserThenSeededSessionUnchanged() {
		Map<String, Object> before = getSession("cst1");
		Map<String, Object> returned = asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session");
		assertThat(returned).isEqualTo(before);
		assertThat(getSession("cst1")).isEqualTo(before);
	}

	@Test
	void getOrCreateWhenExistingAndExpiresAtGivenThenExpiresAtUpdated() {
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key","expires_at":"2031-03-04T05:06:07.890Z"}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.token", equalTo(SEED_CST))
			.body("client_session.expires_at", equalTo("2031-03-04T05:06:07.890Z"));
		assertThat(getSession("cst1")).containsEntry("expires_at", "2031-03-04T05:06:07.890Z");
	}

	@Test
	void getOrCreateWhenExistingAndListsGivenThenListsReplaced() {
		asWorkspace1().body("""
				{
					"user_identifier_key": "john_user_identifier_key",
					"connected_account_ids": ["jane_connected_account_id"],
					"connect_webview_ids": []
				}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.connected_account_ids", contains("jane_connected_account_id"))
			.body("client_session.connect_webview_ids", empty())
			.body("client_session.device_count", equalTo(1));
		Map<String, Object> stored = getSession("cst1");
		assertThat(stored).containsEntry("connected_account_ids", List.of("jane_connected_account_id"))
			.containsEntry("connect_webview_ids", List.of());
	}

	@Test
	void getOrCreateWhenExistingAndListsOmittedThenListsUnchanged() {
		asWorkspace1()
			.body("""
					{"user_identifier_key":"john_user_identifier_key","connected_account_ids":["jane_connected_account_id"]}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids", contains("jane_connected_account_id"))
			.body("client_session.connect_webview_ids", contains("connect_webview1"))
			.body("client_session.user_identity_ids", contains("john_user_identity_id"));
		Map<String, Object> before = getSession("cst1");
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key","connect_webview_ids":[]}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids", contains("jane_connected_account_id"))
			.body("client_session.connect_webview_ids", empty())
			.body("client_session.expires_at", equalTo(before.get("expires_at")));
	}

	@Test
	void getOrCreateWhenPutThenAcceptedLikePost() {
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.put("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
	}

	@Test
	void getOrCreateWhenUserSessionExpiredThenNewSession() {
		String expired = createSession("""
				{"user_identifier_key":"expired-user","expires_at":"2020-01-01T00:00:00.000Z"}""");
		String fresh = asWorkspace1().body("""
				{"user_identifier_key":"expired-user"}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		assertThat(fresh).isNotEqualTo(expired);
		assertThat(listIds(
				asWorkspace1().queryParam("user_identifier_key", "expired-user").get("/client_sessions/list").then()))
			.containsExactly(expired, fresh);
	}

	@Test
	void getOrCreateWhenUserSessionRevokedThenNewSession() {
		revoke("cst1");
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", not(equalTo("cst1")))
			.body("client_session.token", not(equalTo(SEED_CST)))
			.body("client_session.connected_account_ids", empty());
	}

	@Test
	void getOrCreateWhenOnlyUserIdentityIdGivenThenMatchesOnIt() {
		asWorkspace1().body("""
				{"user_identity_id":"john_user_identity_id"}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.token", equalTo(SEED_CST));
	}

	@Test
	void getOrCreateWhenNoKeyAndNoIdentityThenAlwaysNewSession() {
		String first = asWorkspace1().body("{}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.user_identifier_key", nullValue())
			.extract()
			.path("client_session.client_session_id");
		String second = asWorkspace1().body("{}")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
		assertThat(List.of(first, second)).doesNotContain("cst1").doesNotHaveDuplicates();
	}

	@Test
	void getOrCreateWhenExistingAndUserIdentityGivenThenSet() {
		String id = createSession("""
				{"user_identifier_key":"identity-later"}""");
		asWorkspace1().body("""
				{"user_identifier_key":"identity-later","user_identity_ids":["john_user_identity_id"]}""")
			.post("/client_sessions/get_or_create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(id))
			.body("client_session.user_identity_id", equalTo("john_user_identity_id"))
			.body("client_session.user_identity_ids", contains("john_user_identity_id"));
	}

	@Test
	void getOrCreateWhenConcurrentCallsForSameUserThenOneSession() throws Exception {
		Set<String> ids = concurrently(8,
				() -> asWorkspace1().body("""
						{"user_identifier_key":"racing-user"}""")
					.post("/client_sessions/get_or_create")
					.then()
					.statusCode(200)
					.extract()
					.path("client_session.client_session_id"));
		assertThat(ids).hasSize(1);
		assertThat(listIds(
				asWorkspace1().queryParam("user_identifier_key", "racing-user").get("/client_sessions/list").then()))
			.containsExactlyElementsOf(ids);
	}

	// ---- list
	// --------------------------------------------------------------------------------------------------

	@Test
	void listWhenNoFilterThenEverySessionOfWorkspaceOldestFirst() throws InterruptedException {
		String a = createSession("""
				{"user_identifier_key":"list-a"}""");
		Thread.sleep(5);
		String b = createSession("{}");
		Thread.sleep(5);
		String c = createSession("""
				{"user_identifier_key":"list-c"}""");
		List<Map<String, Object>> sessions = asWorkspace1().get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.extract()
			.path("client_sessions");
		assertThat(sessions).extracting((s) -> s.get("client_session_id")).containsExactly("cst1", a, b, c);
		assertThat(sessions).extracting((s) -> Instant.parse((String) s.get("created_at"))).isSorted();
		assertThat(sessions).allSatisfy((s) -> assertThat(s).containsKeys("token", "device_count",
				"user_identifier_key", "connected_account_ids", "connect_webview_ids", "user_identity_ids"));
		assertThat(sessions.get(0)).containsEntry("token", SEED_CST).containsEntry("device_count", 4);
	}

	@Test
	void listWhenPostWithEmptyBodyThenEverySession() {
		String a = createSession("{}");
		assertThat(listIds(asWorkspace1().body("{}").post("/client_sessions/list").then())).containsExactly("cst1", a);
	}

	@Test
	void listWhenFilteredByClientSessionIdThenOnlyThatSession() {
		String a = createSession("{}");
		assertThat(listIds(asWorkspace1().queryParam("client_session_id", a).get("/client_sessions/list").then()))
			.containsExactly(a);
		assertThat(listIds(asWorkspace1().body("""
				{"client_session_id":"%s"}""".formatted(a)).post("/client_sessions/list").then())).containsExactly(a);
		assertThat(listIds(
				asWorkspace1().queryParam("client_session_id", "no_such_session").get("/client_sessions/list").then()))
			.isEmpty();
	}

	@Test
	void listWhenFilteredByUserIdentifierKeyThenOnlyThatUsersSessions() {
		String a = createSession("""
				{"user_identifier_key":"list-user"}""");
		createSession("""
				{"user_identifier_key":"someone-else"}""");
		createSession("{}");
		assertThat(listIds(
				asWorkspace1().queryParam("user_identifier_key", "list-user").get("/client_sessions/list").then()))
			.containsExactly(a);
		assertThat(listIds(asWorkspace1().body("""
				{"user_identifier_key":"list-user"}""").post("/client_sessions/list").then())).containsExactly(a);
	}

	@Test
	void listWhenFilteredByConnectWebviewIdThenOnlySessionsHoldingIt() {
		String a = createSession("""
				{"connect_webview_ids":["other_webview","connect_webview1"]}""");
		createSession("""
				{"connect_webview_ids":["other_webview"]}""");
		createSession("{}");
		assertThat(listIds(asWorkspace1().queryParam("connect_webview_id", "connect_webview1")
			.get("/client_sessions/list")
			.then())).containsExactly("cst1", a);
		assertThat(listIds(asWorkspace1().body("""
				{"connect_webview_id":"connect_webview1"}""").post("/client_sessions/list").then()))
			.containsExactly("cst1", a);
	}

	@Test
	void listWhenFilteredByUserIdentityIdThenOnlySessionsOfThatIdentity() {
		String a = createSession("""
				{"user_identity_id":"john_user_identity_id"}""");
		createSession("""
				{"user_identity_id":"other_user_identity_id"}""");
		createSession("{}");
		assertThat(listIds(asWorkspace1().queryParam("user_identity_id", "john_user_identity_id")
			.get("/client_sessions/list")
			.then())).containsExactly("cst1", a);
		assertThat(listIds(asWorkspace1().body("""
				{"user_identity_id":"john_user_identity_id"}""").post("/client_sessions/list").then()))
			.containsExactly("cst1", a);
	}

	@Test
	void listWhenWithoutUserIdentifierKeyThenOnlySessionsWithoutKey() {
		String a = createSession("{}");
		createSession("""
				{"user_identifier_key":"has-a-key"}""");
		assertThat(listIds(
				asWorkspace1().queryParam("without_user_identifier_key", "true").get("/client_sessions/list").then()))
			.containsExactly(a);
		assertThat(listIds(asWorkspace1().body("""
				{"without_user_identifier_key":true}""").post("/client_sessions/list").then())).containsExactly(a);
	}

	@Test
	void listWhenWithoutUserIdentifierKeyFalseThenNoFilter() {
		String a = createSession("{}");
		assertThat(listIds(
				asWorkspace1().queryParam("without_user_identifier_key", "false").get("/client_sessions/list").then()))
			.containsExactly("cst1", a);
		assertThat(listIds(asWorkspace1().body("""
				{"without_user_identifier_key":false}""").post("/client_sessions/list").then())).containsExactly("cst1",
				a);
	}

	@Test
	void listWhenFiltersCombinedThenAllMustMatch() {
		assertThat(listIds(asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.queryParam("without_user_identifier_key", "true")
			.get("/client_sessions/list")
			.then())).isEmpty();
		assertThat(listIds(asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key","connect_webview_id":"connect_webview1"}""")
			.post("/client_sessions/list")
			.then())).containsExactly("cst1");
	}

	@Test
	void listWhenStrictQueryParamSentThenIgnored() {
		assertThat(listIds(asWorkspace1().queryParam("_strict", "true")
			.queryParam("client_session_id", "cst1")
			.get("/client_sessions/list")
			.then())).containsExactly("cst1");
	}

	// ---- grant_access
	// ------------------------------------------------------------------------------------------

	@Test
	void grantAccessWhenPatchByIdThenAccountsAdded() {
		String id = createSession("""
				{"connected_account_ids":["john_connected_account_id"]}""");
		asWorkspace1().body("""
				{"client_session_id":"%s","connected_account_ids":["jane_connected_account_id"]}""".formatted(id))
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("client_session.client_session_id", equalTo(id))
			.body("client_session.connected_account_ids",
					contains("john_connected_account_id", "jane_connected_account_id"))
			.body("client_session.device_count", equalTo(5));
		assertThat(getSession(id)).containsEntry("connected_account_ids",
				List.of("john_connected_account_id", "jane_connected_account_id"));
	}

	@Test
	void grantAccessWhenPostByIdThenAccountsAdded() {
		String id = createSession("{}");
		asWorkspace1().body("""
				{"client_session_id":"%s","connected_account_ids":["jane_connected_account_id"]}""".formatted(id))
			.post("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids", contains("jane_connected_account_id"))
			.body("client_session.device_count", equalTo(1));
	}

	@Test
	void grantAccessWhenPatchByUserIdentifierKeyThenUsersSessionGranted() {
		asWorkspace1()
			.body("""
					{"user_identifier_key":"john_user_identifier_key","connected_account_ids":["jane_connected_account_id"]}""")
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.connected_account_ids",
					contains("john_connected_account_id", "jane_connected_account_id"))
			.body("client_session.device_count", equalTo(5));
	}

	@Test
	void grantAccessWhenPostByUserIdentifierKeyThenUsersSessionGranted() {
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key","connect_webview_ids":["webview_b"]}""")
			.post("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"))
			.body("client_session.connect_webview_ids", contains("connect_webview1", "webview_b"));
		assertThat(getSession("cst1")).containsEntry("connect_webview_ids", List.of("connect_webview1", "webview_b"));
	}

	@Test
	void grantAccessWhenIdsOverlapThenExistingOrderKeptAndNewAppendedOnce() {
		String id = createSession("""
				{"connected_account_ids":["jane_connected_account_id"],"connect_webview_ids":["webview_b"]}""");
		asWorkspace1().body("""
				{
					"client_session_id": "%s",
					"connected_account_ids": ["john_assa_cs_connected_account_id", "jane_connected_account_id"],
					"connect_webview_ids": ["webview_a", "webview_b"]
				}""".formatted(id))
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids",
					contains("jane_connected_account_id", "john_assa_cs_connected_account_id"))
			.body("client_session.connect_webview_ids", contains("webview_b", "webview_a"));
		asWorkspace1().body("""
				{"client_session_id":"%s","connected_account_ids":["jane_connected_account_id"]}""".formatted(id))
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids",
					contains("jane_connected_account_id", "john_assa_cs_connected_account_id"));
	}

	@Test
	void grantAccessWhenAuthorizedWebviewGrantedThenItsAccountGrantedToo() {
		String id = createSession("{}");
		asWorkspace1().body("""
				{"client_session_id":"%s","connect_webview_ids":["connect_webview1"]}""".formatted(id))
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.connect_webview_ids", contains("connect_webview1"))
			.body("client_session.connected_account_ids", contains("john_connected_account_id"))
			.body("client_session.device_count", equalTo(4));
	}

	@Test
	void grantAccessWhenWebviewAccountAlreadyGrantedThenNotDuplicated() {
		String id = createSession("""
				{"connected_account_ids":["john_connected_account_id","jane_connected_account_id"]}""");
		asWorkspace1().body("""
				{"client_session_id":"%s","connect_webview_ids":["connect_webview1"]}""".formatted(id))
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.connected_account_ids",
					contains("john_connected_account_id", "jane_connected_account_id"))
			.body("client_session.device_count", equalTo(5));
	}

	@Test
	void grantAccessWhenUserIdentityIdGivenThenSetAndMirrored() {
		String id = createSession("{}");
		asWorkspace1().body("""
				{"client_session_id":"%s","user_identity_id":"john_user_identity_id"}""".formatted(id))
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.user_identity_id", equalTo("john_user_identity_id"))
			.body("client_session.user_identity_ids", contains("john_user_identity_id"));
	}

	@Test
	void grantAccessWhenByIdWithKeyAndSessionHasNoKeyThenKeyAssigned() {
		String id = createSession("{}");
		asWorkspace1().body("""
				{"client_session_id":"%s","user_identifier_key":"late-key"}""".formatted(id))
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.user_identifier_key", equalTo("late-key"));
		asWorkspace1().queryParam("user_identifier_key", "late-key")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(id));
	}

	@Test
	void grantAccessWhenByIdWithSameKeyThenGranted() {
		asWorkspace1().body("""
				{
					"client_session_id": "cst1",
					"user_identifier_key": "john_user_identifier_key",
					"connected_account_ids": ["jane_connected_account_id"]
				}""")
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(200)
			.body("client_session.user_identifier_key", equalTo("john_user_identifier_key"))
			.body("client_session.connected_account_ids",
					contains("john_connected_account_id", "jane_connected_account_id"));
	}

	@Test
	void grantAccessWhenByIdWithDifferentKeyThenInvalidInputAndUnchanged() {
		Map<String, Object> before = getSession("cst1");
		asWorkspace1().body("""
				{
					"client_session_id": "cst1",
					"user_identifier_key": "someone-else",
					"connected_account_ids": ["jane_connected_account_id"]
				}""")
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		assertThat(getSession("cst1")).isEqualTo(before);
	}

	@Test
	void grantAccessWhenUsersOnlySessionRevokedThenNotFound() {
		revoke("cst1");
		assertNotFound(asWorkspace1()
			.body("""
					{"user_identifier_key":"john_user_identifier_key","connected_account_ids":["jane_connected_account_id"]}""")
			.patch("/client_sessions/grant_access")
			.then());
	}

	@Test
	void grantAccessWhenUnknownIdOrKeyThenNotFound() {
		assertNotFound(asWorkspace1().body("""
				{"client_session_id":"no_such_session","connected_account_ids":["jane_connected_account_id"]}""")
			.patch("/client_sessions/grant_access")
			.then());
		assertNotFound(asWorkspace1().body("""
				{"user_identifier_key":"no_such_user","connected_account_ids":["jane_connected_account_id"]}""")
			.post("/client_sessions/grant_access")
			.then());
	}

	@Test
	void grantAccessWhenNeitherIdNorKeyThenInvalidInput() {
		asWorkspace1().body("""
				{"connected_account_ids":["jane_connected_account_id"]}""")
			.patch("/client_sessions/grant_access")
			.then()
			.statusCode(400)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("invalid_input"));
		assertThat(getSession("cst1")).containsEntry("connected_account_ids", List.of("john_connected_account_id"));
	}

	// ---- revoke
	// ------------------------------------------------------------------------------------------------

	@Test
	void revokeWhenCalledTwiceThenOkBothTimesAndFirstRevocationKept() {
		Instant firstRevokedAt = null;
		for (int i = 0; i < 2; i++) {
			Map<String, Object> body = asWorkspace1().body("""
					{"client_session_id":"cst1"}""")
				.post("/client_sessions/revoke")
				.then()
				.statusCode(200)
				.extract()
				.as(Map.class);
			assertThat(body).isEqualTo(Map.of("ok", true));
			Instant revokedAt = this.jdbc.sql("select revoked_at from client_sessions where client_session_id = 'cst1'")
				.query(Instant.class)
				.single();
			assertThat(revokedAt).isNotNull();
			if (firstRevokedAt == null) {
				firstRevokedAt = revokedAt;
			}
			assertThat(revokedAt).isEqualTo(firstRevokedAt);
		}
	}

	@Test
	void revokeWhenRevokedThenStillReadableByGetAndList() {
		Map<String, Object> before = getSession("cst1");
		revoke("cst1");
		assertThat(getSession("cst1")).isEqualTo(before);
		assertThat(listIds(asWorkspace1().get("/client_sessions/list").then())).containsExactly("cst1");
		assertThat(listIds(asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/list")
			.then())).containsExactly("cst1");
	}

	@Test
	void revokeWhenRevokedThenUserCanBeGivenNewSession() {
		revoke("cst1");
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", not(equalTo("cst1")))
			.body("client_session.token", not(equalTo(SEED_CST)));
	}

	@Test
	void revokeWhenIdMissingThenInvalidInputRequired() {
		asWorkspace1().body("{}")
			.post("/client_sessions/revoke")
			.then()
			.statusCode(400)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("client_session_id is required"))
			.body("error.validation_errors.client_session_id._errors", contains("Required"));
	}

	@Test
	void revokeWhenUnknownIdThenNotFound() {
		assertNotFound(asWorkspace1().body("""
				{"client_session_id":"no_such_session"}""").post("/client_sessions/revoke").then());
	}

	// ---- delete
	// ------------------------------------------------------------------------------------------------

	@Test
	void deleteWhenDeleteWithQueryStringThenGone() {
		String id = createSession("""
				{"user_identifier_key":"to-delete"}""");
		asWorkspace1().queryParam("client_session_id", id)
			.delete("/client_sessions/delete")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		assertGone(id);
	}

	@Test
	void deleteWhenPostWithBodyThenGone() {
		String id = createSession("""
				{"user_identifier_key":"to-delete"}""");
		asWorkspace1().body("""
				{"client_session_id":"%s"}""".formatted(id))
			.post("/client_sessions/delete")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		assertGone(id);
	}

	@Test
	void deleteWhenDeleteWithJsonBodyThenGone() {
		String id = createSession("{}");
		asWorkspace1().body("""
				{"client_session_id":"%s"}""".formatted(id))
			.delete("/client_sessions/delete")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		assertGone(id);
	}

	@Test
	void deleteWhenSeededSessionDeletedThenGoneAndOthersKept() {
		String other = createSession("{}");
		asWorkspace1().queryParam("client_session_id", "cst1").delete("/client_sessions/delete").then().statusCode(200);
		assertGone("cst1");
		assertThat(listIds(asWorkspace1().get("/client_sessions/list").then())).containsExactly(other);
		assertNotFound(asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/client_sessions/get")
			.then());
	}

	@Test
	void deleteWhenUsersSessionDeletedThenUserCanBeGivenNewSession() {
		asWorkspace1().queryParam("client_session_id", "cst1").delete("/client_sessions/delete").then().statusCode(200);
		asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key"}""")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", not(equalTo("cst1")));
	}

	@Test
	void deleteWhenUnknownIdThenNotFound() {
		assertNotFound(asWorkspace1().queryParam("client_session_id", "no_such_session")
			.delete("/client_sessions/delete")
			.then());
		assertNotFound(asWorkspace1().body("""
				{"client_session_id":"no_such_session"}""").post("/client_sessions/delete").then());
	}

	@Test
	void deleteWhenDeletedTwiceThenSecondNotFound() {
		String id = createSession("{}");
		asWorkspace1().queryParam("client_session_id", id).delete("/client_sessions/delete").then().statusCode(200);
		assertNotFound(asWorkspace1().queryParam("client_session_id", id).delete("/client_sessions/delete").then());
	}

	@Test
	void deleteWhenIdMissingThenInvalidInputRequired() {
		asWorkspace1().delete("/client_sessions/delete")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.validation_errors.client_session_id._errors", contains("Required"));
		assertThat(listIds(asWorkspace1().get("/client_sessions/list").then())).containsExactly("cst1");
	}

	// ---- helpers
	// -----------------------------------------------------------------------------------------------

	private static String createSession(String body) {
		return asWorkspace1().body(body)
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
	}

	private static Map<String, Object> getSession(String id) {
		return asWorkspace1().queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session");
	}

	private static void revoke(String id) {
		asWorkspace1().body("""
				{"client_session_id":"%s"}""".formatted(id))
			.post("/client_sessions/revoke")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
	}

	private static List<String> listIds(ValidatableResponse response) {
		return response.statusCode(200).body("ok", equalTo(true)).extract().path("client_sessions.client_session_id");
	}

	private static void assertNotFound(ValidatableResponse response) {
		response.statusCode(404)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("client_session_not_found"))
			.body("error.message", equalTo("Could not find client session"));
	}

	/** Runs the call from {@code threads} threads at once; the distinct results. */
	private static <T> Set<T> concurrently(int threads, Callable<T> call) throws Exception {
		return new HashSet<>(concurrentlyAll(threads, call));
	}

	/** Runs the call from {@code threads} threads released together; every result. */
	private static <T> List<T> concurrentlyAll(int threads, Callable<T> call) throws Exception {
		return TestHttp.race(Collections.nCopies(threads, call));
	}

	private static void assertGone(String id) {
		assertNotFound(asWorkspace1().queryParam("client_session_id", id).get("/client_sessions/get").then());
		assertThat(listIds(asWorkspace1().get("/client_sessions/list").then())).doesNotContain(id);
		assertThat(listIds(asWorkspace1().queryParam("client_session_id", id).get("/client_sessions/list").then()))
			.isEmpty();
	}

}
