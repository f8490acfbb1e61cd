package dev.emulator.seam.clientsession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestHttp;
import dev.emulator.seam.support.TokenCipher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * "One live session per user" (BEHAVIOUR 3.4, 3.6, 3.9) under real concurrency: many
 * requests for one new {@code user_identifier_key} released at the same instant through a
 * start gate, and the unique index behind it.
 */
class ClientSessionConcurrencyTests extends ApiTest {

	private static final int REQUESTS = 50;

	private static final HttpClient http = TestHttp.client(Duration.ofSeconds(10));

	@Autowired
	JdbcClient jdbc;

	@Test
	void putCreateWhenRacingForNewUserThenAllGetTheSameSession() throws Exception {
		String key = newUserKey();
		List<HttpResponse<String>> responses = race("PUT", "/client_sessions/create", userBody(key));

		assertAllReturnTheSameSession(responses);
		assertThat(sessionsOfUser(key)).isEqualTo(1);
	}

	@Test
	void getOrCreateWhenRacingForNewUserThenAllGetTheSameSession() throws Exception {
		String key = newUserKey();
		List<HttpResponse<String>> responses = race("POST", "/client_sessions/get_or_create", userBody(key));

		assertAllReturnTheSameSession(responses);
		assertThat(sessionsOfUser(key)).isEqualTo(1);
	}

	@Test
	void postCreateWhenRacingForNewUserThenOneCreatesAndTheOthersAreRefused() throws Exception {
		String key = newUserKey();
		List<HttpResponse<String>> responses = race("POST", "/client_sessions/create", userBody(key));

		List<HttpResponse<String>> created = responses.stream().filter((r) -> r.statusCode() == 200).toList();
		List<HttpResponse<String>> refused = responses.stream().filter((r) -> r.statusCode() == 400).toList();
		assertThat(created).hasSize(1);
		assertThat(refused).hasSize(REQUESTS - 1);
		assertThat(refused).allSatisfy((r) -> {
			JsonPath json = JsonPath.from(r.body());
			assertThat(json.getString("error.type")).isEqualTo("client_session_token_already_exists");
			assertThat(json.getBoolean("ok")).isFalse();
		});
		assertThat(sessionsOfUser(key)).isEqualTo(1);
		String id = JsonPath.from(created.get(0).body()).getString("client_session.client_session_id");
		assertThat(this.jdbc.sql("select client_session_id from client_sessions where user_identifier_key = :key")
			.param("key", key)
			.query(String.class)
			.single()).isEqualTo(id);
	}

	@Test
	void putCreateWhenRacingForUserWithExpiredSessionThenAllGetOneNewSession() throws Exception {
		String key = newUserKey();
		String expiredId = createSession(key);
		expire(expiredId);

		List<HttpResponse<String>> responses = race("PUT", "/client_sessions/create", userBody(key));

		String newId = assertAllReturnTheSameSession(responses);
		assertThat(newId).isNotEqualTo(expiredId);
		assertThat(sessionsOfUser(key)).isEqualTo(2);
		assertThat(liveKeyOf(expiredId)).isNull();
		assertThat(liveKeyOf(newId)).isEqualTo(key);
	}

	@Test
	void insertWhenUserAlreadyHasLiveSessionThenDatabaseRejectsIt() {
		// The seeded cst1 holds john_user_identifier_key in seed_workspace_1.
		assertThatThrownBy(() -> insertSession("seed_workspace_1", "john_user_identifier_key", true))
			.isInstanceOf(DuplicateKeyException.class)
			.hasMessageContaining("client_sessions_live_key_idx");
		assertThat(sessionsOfUser("john_user_identifier_key")).isEqualTo(1);
	}

	@Test
	void insertWhenUserHasLiveSessionButNewRowIsNotLiveThenDatabaseAcceptsIt() {
		// Revoked and retired sessions keep user_identifier_key but give up
		// live_user_identifier_key.
		insertSession("seed_workspace_1", "john_user_identifier_key", false);
		insertSession("seed_workspace_1", "john_user_identifier_key", false);
		// The same key is free in another workspace.
		insertSession("seed_workspace_2", "john_user_identifier_key", true);

		assertThat(sessionsOfUser("john_user_identifier_key")).isEqualTo(4);
	}

	@Test
	void putCreateWhenUsersSessionExpiredThenExpiredSessionIsRetiredAndNewOneCreated() {
		String key = newUserKey();
		JsonPath first = asWorkspace1().body(userBody(key))
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		String expiredId = first.getString("client_session.client_session_id");
		expire(expiredId);

		JsonPath second = asWorkspace1().body(userBody(key))
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", not(equalTo(expiredId)))
			.body("client_session.token", not(equalTo(first.getString("client_session.token"))))
			.body("client_session.user_identifier_key", equalTo(key))
			.extract()
			.jsonPath();
		String newId = second.getString("client_session.client_session_id");

		assertThat(liveKeyOf(expiredId)).isNull();
		assertThat(liveKeyOf(newId)).isEqualTo(key);
		// The expired session is still readable by id (BEHAVIOUR 3.4).
		asWorkspace1().queryParam("client_session_id", expiredId)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.token", equalTo(first.getString("client_session.token")));
	}

	@Test
	void postCreateWhenUsersSessionExpiredThenNewOneCreated() {
		String key = newUserKey();
		String expiredId = createSession(key);
		expire(expiredId);

		asWorkspace1().body(userBody(key))
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", not(equalTo(expiredId)));
		assertThat(sessionsOfUser(key)).isEqualTo(2);
	}

	/**
	 * Sends {@link #REQUESTS} identical requests, each from its own thread, all released
	 * by one start gate once every thread is waiting at it.
	 */
	private List<HttpResponse<String>> race(String method, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + API_KEY_1)
			.timeout(Duration.ofSeconds(60))
			.build();
		List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			calls.add(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		return TestHttp.race(calls);
	}

	/** Every response is 200 with the same session id and token; returns that id. */
	private static String assertAllReturnTheSameSession(List<HttpResponse<String>> responses) {
		assertThat(responses).hasSize(REQUESTS);
		assertThat(responses).allSatisfy((r) -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
		List<JsonPath> bodies = responses.stream().map((r) -> JsonPath.from(r.body())).toList();
		assertThat(bodies.stream().map((b) -> b.getString("client_session.client_session_id")).distinct()).hasSize(1);
		assertThat(bodies.stream().map((b) -> b.getString("client_session.token")).distinct()).hasSize(1);
		return bodies.get(0).getString("client_session.client_session_id");
	}

	@Autowired
	TokenCipher tokenCipher;

	private String createSession(String key) {
		return asWorkspace1().body(userBody(key))
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
	}

	private void expire(String sessionId) {
		int updated = this.jdbc
			.sql("update client_sessions set expires_at = now() - interval '1 minute' where client_session_id = :id")
			.param("id", sessionId)
			.update();
		assertThat(updated).isEqualTo(1);
	}

	private void insertSession(String workspaceId, String key, boolean live) {
		String token = "seam_cst1test_" + UUID.randomUUID();
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("""
					insert into client_sessions (client_session_id, workspace_id, token_ciphertext, token_hash, user_identifier_key,
					                             live_user_identifier_key, created_via, created_at, expires_at)
					values (:id, :workspaceId, :sealed, encode(sha256(convert_to(:token, 'UTF8')), 'hex'), :key,
					        :liveKey, 'api_key', now(), now() + interval '1 day')""")
			.param("id", id)
			.param("workspaceId", workspaceId)
			.param("sealed", this.tokenCipher.encrypt(token, id))
			.param("token", token)
			.param("key", key)
			.param("liveKey", live ? key : null)
			.update();
	}

	private int sessionsOfUser(String key) {
		return this.jdbc.sql("select count(*) from client_sessions where user_identifier_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	private String liveKeyOf(String sessionId) {
		// A list, not single(): the value is null for a session that gave up the user's
		// key.
		List<String> keys = this.jdbc
			.sql("select live_user_identifier_key from client_sessions where client_session_id = :id")
			.param("id", sessionId)
			.query((rs, rowNum) -> rs.getString(1))
			.list();
		assertThat(keys).hasSize(1);
		return keys.get(0);
	}

	private static String newUserKey() {
		return "race_" + UUID.randomUUID();
	}

	private static String userBody(String key) {
		return "{\"user_identifier_key\":\"" + key + "\"}";
	}

}
