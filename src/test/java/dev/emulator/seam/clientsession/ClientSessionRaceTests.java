package dev.emulator.seam.clientsession;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * grant_access, get_or_create, revoke and delete racing each other on one session
 * (BEHAVIOUR 3.9, 3.11 to 3.13): every request of a round is released at the same instant
 * through a start gate, and each race is run several rounds, so that a lost update or an
 * undone revoke shows up as a failure rather than as luck. What must hold afterwards: no
 * granted id is lost, a revoke acknowledged with 200 is never undone and the token is
 * refused on every later request, a deleted session stays deleted, and no request fails
 * with a 5xx.
 */
class ClientSessionRaceTests extends ApiTest {

	private static final int ROUNDS = 5;

	private static final int GRANTS = 16;

	private static final HttpClient http = TestHttp.client(Duration.ofSeconds(10));

	@Autowired
	JdbcClient jdbc;

	@Test
	void grantAccessWhenManyGrantsRaceThenEveryGrantedIdIsKept() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String key = newUserKey();
			Session session = createSession(key);
			List<String> accounts = new ArrayList<>();
			List<String> webviews = new ArrayList<>();
			List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
			for (int i = 0; i < GRANTS; i++) {
				String account = "acct_" + round + "_" + i + "_" + UUID.randomUUID();
				String webview = "cw_" + round + "_" + i + "_" + UUID.randomUUID();
				accounts.add(account);
				webviews.add(webview);
				// Half select the session by id, half by the user's key: the two paths
				// must not lose each other's ids.
				String selector = (i % 2 == 0) ? "\"client_session_id\":\"" + session.id() + "\""
						: "\"user_identifier_key\":\"" + key + "\"";
				requests.add(
						send("PATCH", "/client_sessions/grant_access", "{" + selector + ",\"connected_account_ids\":[\""
								+ account + "\"],\"connect_webview_ids\":[\"" + webview + "\"]}"));
			}
			// get_or_create with nothing to change must not write a stale copy of the
			// session back.
			for (int i = 0; i < 4; i++) {
				requests
					.add(send("POST", "/client_sessions/get_or_create", "{\"user_identifier_key\":\"" + key + "\"}"));
			}

			List<HttpResponse<String>> responses = TestHttp.race(requests);

			assertThat(responses).allSatisfy((r) -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
			JsonPath after = getById(session.id());
			assertThat(after.getList("client_session.connected_account_ids", String.class)).as("round %d", round)
				.containsExactlyInAnyOrderElementsOf(accounts);
			assertThat(after.getList("client_session.connect_webview_ids", String.class)).as("round %d", round)
				.containsExactlyInAnyOrderElementsOf(webviews);
			assertThat(after.getString("client_session.token")).isEqualTo(session.token());
			assertThat(tokenStatus(session.token())).isEqualTo(200);
		}
	}

	@Test
	void revokeWhenRacingGrantsAndGetOrCreateThenSessionStaysRevoked() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String key = newUserKey();
			Session session = createSession(key);
			List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
			for (int i = 0; i < GRANTS; i++) {
				String account = "acct_" + UUID.randomUUID();
				requests.add(switch (i % 4) {
					case 0 -> send("PATCH", "/client_sessions/grant_access", "{\"client_session_id\":\"" + session.id()
							+ "\",\"connected_account_ids\":[\"" + account + "\"]}");
					case 1 -> send("PATCH", "/client_sessions/grant_access", "{\"user_identifier_key\":\"" + key
							+ "\",\"connected_account_ids\":[\"" + account + "\"]}");
					case 2 -> send("POST", "/client_sessions/get_or_create", "{\"user_identifier_key\":\"" + key
							+ "\",\"connected_account_ids\":[\"" + account + "\"]}");
					default -> send("POST", "/client_sessions/get_or_create", "{\"user_identity_id\":\"" + identity(key)
							+ "\",\"connected_account_ids\":[\"" + account + "\"]}");
				});
			}
			// The revoke, and straight after its acknowledgement the token, from the same
			// thread.
			List<Integer> tokenAfterAck = Collections.synchronizedList(new ArrayList<>());
			Callable<HttpResponse<String>> revoke = send("POST", "/client_sessions/revoke",
					"{\"client_session_id\":\"" + session.id() + "\"}");
			requests.add(GRANTS / 2, () -> {
				HttpResponse<String> response = revoke.call();
				if (response.statusCode() == 200) {
					tokenAfterAck.add(tokenStatus(session.token()));
				}
				return response;
			});

			List<HttpResponse<String>> responses = TestHttp.race(requests);

			HttpResponse<String> revoked = responses.get(GRANTS / 2);
			assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
			assertThat(tokenAfterAck).containsExactly(401);
			// A grant by key that lost the race finds no live session: 404. Nothing else
			// may fail.
			assertThat(responses).allSatisfy((r) -> assertThat(r.statusCode()).as(r.body()).isIn(200, 404));
			assertThat(revokedAt(session.id())).as("round %d: revoked_at after the race", round).isNotNull();
			assertTokenRefused(session.token(), "client_session_revoked");
			// The session is still readable with the API key, with its own token; the
			// user has at most one live one.
			assertThat(getById(session.id()).getString("client_session.token")).isEqualTo(session.token());
			assertThat(liveSessionsOfUser(key)).isLessThanOrEqualTo(1);
		}
	}

	@Test
	void deleteWhenRacingGrantsRevokesAndGetOrCreateThenSessionIsGone() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String key = newUserKey();
			Session session = createSession(key);
			String byId = "{\"client_session_id\":\"" + session.id() + "\"}";
			List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
			for (int i = 0; i < GRANTS; i++) {
				String account = "acct_" + UUID.randomUUID();
				requests.add(switch (i % 5) {
					case 0 -> send("PATCH", "/client_sessions/grant_access", "{\"client_session_id\":\"" + session.id()
							+ "\",\"connected_account_ids\":[\"" + account + "\"]}");
					case 1 -> send("PATCH", "/client_sessions/grant_access", "{\"user_identifier_key\":\"" + key
							+ "\",\"connected_account_ids\":[\"" + account + "\"]}");
					case 2 -> send("POST", "/client_sessions/get_or_create", "{\"user_identifier_key\":\"" + key
							+ "\",\"connected_account_ids\":[\"" + account + "\"]}");
					case 3 -> send("POST", "/client_sessions/get_or_create", "{\"user_identity_id\":\"" + identity(key)
							+ "\",\"connected_account_ids\":[\"" + account + "\"]}");
					default -> send("POST", "/client_sessions/revoke", byId);
				});
			}
			requests.add(GRANTS / 2, send("DELETE", "/client_sessions/delete?client_session_id=" + session.id(), ""));

			List<HttpResponse<String>> responses = TestHttp.race(requests);

			HttpResponse<String> deleted = responses.get(GRANTS / 2);
			assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
			assertThat(responses).allSatisfy((r) -> {
				assertThat(r.statusCode()).as(r.body()).isIn(200, 404);
				if (r.statusCode() == 404) {
					assertThat(JsonPath.from(r.body()).getString("error.type")).isEqualTo("client_session_not_found");
				}
			});
			assertThat(rowsWithId(session.id())).as("round %d: rows left", round).isZero();
			asWorkspace1().queryParam("client_session_id", session.id())
				.get("/client_sessions/get")
				.then()
				.statusCode(404);
			assertTokenRefused(session.token(), "client_session_not_found");
			assertThat(liveSessionsOfUser(key)).isLessThanOrEqualTo(1);
		}
	}

	private record Session(String id, String token) {
	}

	private Session createSession(String key) {
		JsonPath json = asWorkspace1()
			.body("{\"user_identifier_key\":\"" + key + "\",\"user_identity_id\":\"" + identity(key) + "\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		return new Session(json.getString("client_session.client_session_id"), json.getString("client_session.token"));
	}

	private static JsonPath getById(String id) {
		return asWorkspace1().queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

	private Callable<HttpResponse<String>> send(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + API_KEY_1)
			.timeout(Duration.ofSeconds(60))
			.build();
		return () -> http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private int tokenStatus(String token) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/client_sessions/get"))
			.header("client-session-token", token)
			.timeout(Duration.ofSeconds(60))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	private static void assertTokenRefused(String token, String type) {
		anonymous().header("Authorization", "Bearer " + token)
			.get("/client_sessions/get")
			.then()
			.statusCode(401)
			.body("error.type", org.hamcrest.Matchers.equalTo(type));
	}

	private Object revokedAt(String id) {
		List<Object> values = this.jdbc.sql("select revoked_at from client_sessions where client_session_id = :id")
			.param("id", id)
			.query((rs, rowNum) -> rs.getObject(1))
			.list();
		assertThat(values).hasSize(1);
		return values.get(0);
	}

	private int rowsWithId(String id) {
		return this.jdbc.sql("select count(*) from client_sessions where client_session_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private int liveSessionsOfUser(String key) {
		return this.jdbc
			.sql("select count(*) from client_sessions where user_identifier_key = :key and revoked_at is null")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	private static String identity(String key) {
		return "identity_" + key;
	}

	private static String newUserKey() {
		return "race_" + UUID.randomUUID();
	}

}
