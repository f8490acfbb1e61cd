package dev.emulator.seam.clientsession;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Parameter validation (BEHAVIOUR 3.6, 1.7 and 1.8): 400 {@code invalid_input} worded as
 * Seam words it, and nothing written when a request is refused.
 */
class ClientSessionValidationTests extends ApiTest {

	private static final int ONE_MEGABYTE = 1024 * 1024;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createWhenUserIdentifierKeyIsNumberThenExpectedString() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":123}""").put("/client_sessions/create").then(), "user_identifier_key",
				"Expected string, received number");
	}

	@Test
	void createWhenPostAndUserIdentifierKeyIsNumberThenExpectedString() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":123}""").post("/client_sessions/create").then(), "user_identifier_key",
				"Expected string, received number");
	}

	@Test
	void createWhenUserIdentifierKeyIsBooleanThenExpectedString() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":true}""").put("/client_sessions/create").then(), "user_identifier_key",
				"Expected string, received boolean");
	}

	@Test
	void createWhenUserIdentifierKeyIsEmptyThenMinimumLength() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":""}""").put("/client_sessions/create").then(), "user_identifier_key",
				"String must contain at least 1 character(s)");
	}

	@Test
	void createWhenConnectedAccountIdsIsStringThenExpectedArray() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"connected_account_ids":"john_connected_account_id"}""").put("/client_sessions/create").then(),
				"connected_account_ids", "Expected array, received string");
	}

	@Test
	void createWhenConnectWebviewIdsIsNumberThenExpectedArray() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"connect_webview_ids":1}""").put("/client_sessions/create").then(), "connect_webview_ids",
				"Expected array, received number");
	}

	@Test
	void createWhenConnectedAccountIdsHoldsNumberThenExpectedString() {
		long before = sessionRows();
		asWorkspace1().body("""
				{"connected_account_ids":["john_connected_account_id", 7]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(400)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", startsWith("Expected string, received number"))
			.body("error.message", containsString("connected_account_ids"))
			.body("error.validation_errors", hasKey("connected_account_ids"));
		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	void createWhenExpiresAtIsNotDatetimeThenInvalidDatetime() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":"u","expires_at":"next tuesday"}""").put("/client_sessions/create").then(),
				"expires_at", "Invalid datetime");
	}

	@Test
	void createWhenExpiresAtHasNoOffsetThenInvalidDatetime() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"expires_at":"2030-01-01"}""").put("/client_sessions/create").then(), "expires_at",
				"Invalid datetime");
	}

	@Test
	void createWhenUserIdentityIdsEmptyThenAtLeastOneElement() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identity_ids":[]}""").put("/client_sessions/create").then(), "user_identity_ids",
				"Array must contain at least 1 element(s)");
	}

	@Test
	void createWhenUserIdentityIdsHasTwoElementsThenAtMostOneElement() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identity_ids":["john_user_identity_id","other_user_identity_id"]}""")
			.put("/client_sessions/create")
			.then(), "user_identity_ids", "Array must contain at most 1 element(s)");
	}

	@Test
	void createWhenUserIdentityIdAndIdsDisagreeThenInvalidInput() {
		long before = sessionRows();
		asWorkspace1().body("""
				{"user_identity_id":"john_user_identity_id","user_identity_ids":["other_user_identity_id"]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.validation_errors", hasKey("user_identity_ids"));
		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	void createWhenUserIdentityIdAndIdsAgreeThenAccepted() {
		asWorkspace1().body("""
				{"user_identity_id":"john_user_identity_id","user_identity_ids":["john_user_identity_id"]}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.user_identity_id", equalTo("john_user_identity_id"))
			.body("client_session.user_identity_ids", contains("john_user_identity_id"));
	}

	@Test
	void createWhenCustomerKeyIsEmptyThenMinimumLength() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"customer_key":""}""").put("/client_sessions/create").then(), "customer_key",
				"String must contain at least 1 character(s)");
	}

	@Test
	void createWhenUserIdentifierKeyIsNullThenExpectedString() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":null}""").put("/client_sessions/create").then(), "user_identifier_key",
				"Expected string, received null");
	}

	@Test
	void getOrCreateWhenUserIdentifierKeyIsNumberThenExpectedString() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":123}""").post("/client_sessions/get_or_create").then(), "user_identifier_key",
				"Expected string, received number");
	}

	@Test
	void getOrCreateWhenExistingUserAndBadExpiresAtThenSessionUnchanged() {
		String before = sessionJson("cst1");
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":"john_user_identifier_key","connected_account_ids":[],"expires_at":"soon"}""")
			.post("/client_sessions/get_or_create")
			.then(), "expires_at", "Invalid datetime");
		assertThat(sessionJson("cst1")).isEqualTo(before);
	}

	@Test
	void grantAccessWhenConnectedAccountIdsIsStringThenSessionUnchanged() {
		String before = sessionJson("cst1");
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"client_session_id":"cst1","connected_account_ids":"jane_connected_account_id"}""")
			.patch("/client_sessions/grant_access")
			.then(), "connected_account_ids", "Expected array, received string");
		assertThat(sessionJson("cst1")).isEqualTo(before);
	}

	@Test
	void revokeWhenIdIsNumberThenExpectedString() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"client_session_id":1}""").post("/client_sessions/revoke").then(), "client_session_id",
				"Expected string, received number");
		assertThat(revokedRows()).isZero();
	}

	@Test
	void listWhenWithoutUserIdentifierKeyIsNotBooleanInQueryThenExpectedBoolean() {
		assertRejectedWithoutWrite(() -> asWorkspace1().queryParam("without_user_identifier_key", "maybe")
			.get("/client_sessions/list")
			.then(), "without_user_identifier_key", "Expected boolean, received string");
	}

	@Test
	void listWhenWithoutUserIdentifierKeyIsStringInBodyThenExpectedBoolean() {
		assertRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"without_user_identifier_key":"true"}""").post("/client_sessions/list").then(),
				"without_user_identifier_key", "Expected boolean, received string");
	}

	@Test
	void createWhenJsonMalformedThenInvalidInput() {
		assertBodyRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":"u1",""").put("/client_sessions/create").then());
	}

	@Test
	void createWhenJsonHasTrailingGarbageThenInvalidInput() {
		assertBodyRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":"u1"} {"user_identifier_key":"u2"}""").put("/client_sessions/create").then());
	}

	@Test
	void createWhenBodyIsJsonArrayThenInvalidInput() {
		assertBodyRejectedWithoutWrite(() -> asWorkspace1().body("""
				[{"user_identifier_key":"u1"}]""").put("/client_sessions/create").then());
	}

	@Test
	void createWhenBodyIsJsonStringThenInvalidInput() {
		assertBodyRejectedWithoutWrite(
				() -> asWorkspace1().body("\"user_identifier_key\"").post("/client_sessions/create").then());
	}

	@Test
	void createWhenBodyHasDuplicateKeysThenInvalidInput() {
		assertBodyRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":"u1","user_identifier_key":"u2"}""").put("/client_sessions/create").then());
	}

	@Test
	void getOrCreateWhenJsonMalformedThenInvalidInput() {
		assertBodyRejectedWithoutWrite(() -> asWorkspace1().body("""
				{"user_identifier_key":}""").post("/client_sessions/get_or_create").then());
	}

	@Test
	void createWhenBodyOverOneMegabyteThenPayloadTooLarge() {
		String body = """
				{"user_identifier_key":"big","padding":"%s"}""".formatted("x".repeat(ONE_MEGABYTE + 100));
		long before = sessionRows();
		asWorkspace1().body(body)
			.put("/client_sessions/create")
			.then()
			.statusCode(413)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("payload_too_large"));
		assertThat(sessionRows()).isEqualTo(before);
		assertThat(userRows("big")).isZero();
	}

	@Test
	void createWhenChunkedBodyOverOneMegabyteThenPayloadTooLarge() throws Exception {
		byte[] body = """
				{"user_identifier_key":"big-chunked","padding":"%s"}""".formatted("x".repeat(ONE_MEGABYTE + 100))
			.getBytes(StandardCharsets.UTF_8);
		long before = sessionRows();
		// An input stream of unknown length makes the client send Transfer-Encoding:
		// chunked, no Content-Length.
		URI uri = URI.create("http://localhost:" + this.port + "/client_sessions/create");
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Authorization", "Bearer " + API_KEY_1)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("\"payload_too_large\"");
		assertThat(sessionRows()).isEqualTo(before);
		assertThat(userRows("big-chunked")).isZero();
	}

	@Test
	void createWhenBodyJustUnderOneMegabyteThenAccepted() {
		String prefix = "{\"user_identifier_key\":\"almost-big\",\"padding\":\"";
		String suffix = "\"}";
		String body = prefix + "x".repeat(ONE_MEGABYTE - prefix.length() - suffix.length()) + suffix;
		assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(ONE_MEGABYTE);
		asWorkspace1().body(body)
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.user_identifier_key", equalTo("almost-big"));
	}

	@Test
	void createWhenUnknownBodyParameterThenIgnored() {
		long before = sessionRows();
		asWorkspace1().body("""
				{"user_identifier_key":"with-bogus","bogus":1,"another":{"nested":[true]}}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("client_session.user_identifier_key", equalTo("with-bogus"))
			.body("client_session", not(hasKey("bogus")));
		assertThat(sessionRows()).isEqualTo(before + 1);
	}

	@Test
	void getAndListWhenUnknownQueryParameterThenIgnored() {
		asWorkspace1().queryParam("client_session_id", "cst1")
			.queryParam("bogus", "1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo("cst1"));
		asWorkspace1().queryParam("bogus", "1")
			.get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("client_sessions.client_session_id", contains("cst1"));
	}

	@Test
	void revokeWhenUnknownBodyParameterThenIgnored() {
		asWorkspace1().body("""
				{"client_session_id":"cst1","bogus":1}""")
			.post("/client_sessions/revoke")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
		assertThat(revokedRows()).isEqualTo(1);
	}

	@Test
	void createWhenSeveralParametersInvalidThenEachNamedAndNothingWritten() {
		long before = sessionRows();
		asWorkspace1().body("""
				{"user_identifier_key":123,"connected_account_ids":"x","expires_at":"never"}""")
			.put("/client_sessions/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.validation_errors._errors", empty())
			.body("error.validation_errors.user_identifier_key._errors", contains("Expected string, received number"))
			.body("error.validation_errors.connected_account_ids._errors", contains("Expected array, received string"))
			.body("error.validation_errors.expires_at._errors", contains("Invalid datetime"));
		assertThat(sessionRows()).isEqualTo(before);
	}

	/**
	 * The request fails with 400 {@code invalid_input}, {@code error.message}
	 * {@code <problem> for "<parameter>"} and
	 * {@code validation_errors.<parameter>._errors = [<problem>]}, and leaves workspace
	 * 1's sessions as they were.
	 */
	private void assertRejectedWithoutWrite(Supplier<ValidatableResponse> request, String parameter, String problem) {
		long before = sessionRows();
		request.get()
			.statusCode(400)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo(problem + " for \"" + parameter + "\""))
			.body("error.validation_errors._errors", empty())
			.body("error.validation_errors." + parameter + "._errors", contains(problem));
		assertThat(sessionRows()).isEqualTo(before);
	}

	/**
	 * A body that is not one JSON object: 400 {@code invalid_input} and nothing written.
	 */
	private void assertBodyRejectedWithoutWrite(Supplier<ValidatableResponse> request) {
		long before = sessionRows();
		request.get()
			.statusCode(400)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", not(equalTo("")));
		assertThat(sessionRows()).isEqualTo(before);
	}

	private long sessionRows() {
		return this.jdbc.sql("select count(*) from client_sessions where workspace_id = 'seed_workspace_1'")
			.query(Long.class)
			.single();
	}

	private long userRows(String userIdentifierKey) {
		return this.jdbc.sql("select count(*) from client_sessions where user_identifier_key = :key")
			.param("key", userIdentifierKey)
			.query(Long.class)
			.single();
	}

	private long revokedRows() {
		return this.jdbc.sql("""
				select count(*) from client_sessions
				where workspace_id = 'seed_workspace_1' and revoked_at is not null""").query(Long.class).single();
	}

	private static String sessionJson(String id) {
		return asWorkspace1().queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.prettify();
	}

}
