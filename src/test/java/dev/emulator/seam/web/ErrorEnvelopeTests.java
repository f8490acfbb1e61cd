package dev.emulator.seam.web;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.emulator.seam.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every response looks like whatever the route (BEHAVIOUR 1.2, 1.3, 1.4, 2.3, 5.1,
 * 8.1): Seam's error envelope, the pipeline order (authentication, then method, then
 * parameters), the request id header, CORS, health.
 */
class ErrorEnvelopeTests extends ApiTest {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "PUT, /client_sessions/create", "GET, /client_sessions/get", "POST, /client_sessions/get_or_create",
			"GET, /client_sessions/list", "PATCH, /client_sessions/grant_access", "POST, /client_sessions/revoke",
			"DELETE, /client_sessions/delete" })
	void routeWhenNoCredentialThenUnauthorized(String method, String path) {
		Response response = anonymous().body("{}").request(method, path);
		assertError(response, 401, "unauthorized");
		assertThat(response.jsonPath().getString("error.message")).isEqualTo("No authentication methods succeeded");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "PUT, /client_sessions/create", "GET, /client_sessions/get", "POST, /client_sessions/get_or_create",
			"GET, /client_sessions/list", "PATCH, /client_sessions/grant_access", "POST, /client_sessions/revoke",
			"DELETE, /client_sessions/delete" })
	void routeWhenUnknownApiKeyThenUnauthorized(String method, String path) {
		Response response = withApiKey("seam_unknown_key_token").body("{}").request(method, path);
		assertError(response, 401, "unauthorized");
		assertThat(response.jsonPath().getString("error.message")).isEqualTo("API Key not found");
	}

	@Test
	void routeWhenAuthorizationIsNotBearerThenUnauthorizedSayingSo() {
		Response basic = anonymous().header("Authorization", "Basic " + API_KEY_1).get("/client_sessions/list");
		assertError(basic, 401, "unauthorized");
		assertThat(basic.jsonPath().getString("error.message"))
			.startsWith("No authentication methods succeeded. The Authorization header takes \"Bearer <token>\"");
		Response bare = anonymous().header("Authorization", API_KEY_1).get("/client_sessions/list");
		assertError(bare, 401, "unauthorized");
		assertThat(bare.jsonPath().getString("error.message")).isEqualTo(
				"No authentication methods succeeded. Send the token as \"Authorization: Bearer <token>\": the Bearer prefix is missing");
	}

	@Test
	void routeWhenBearerSchemeInAnyCaseThenAuthenticated() {
		// RFC 9110 11.1: the scheme is case-insensitive (BEHAVIOUR 2.2).
		for (String scheme : new String[] { "bearer", "BEARER", "bEaReR" }) {
			anonymous().header("Authorization", scheme + " " + API_KEY_1)
				.get("/client_sessions/list")
				.then()
				.statusCode(200);
			anonymous().header("Authorization", scheme + " " + SEED_CST).get("/devices/list").then().statusCode(200);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /client_sessions/create", "DELETE, /client_sessions/get", "GET, /client_sessions/get_or_create",
			"PUT, /client_sessions/list", "GET, /client_sessions/grant_access", "GET, /client_sessions/revoke",
			"GET, /client_sessions/delete" })
	void routeWhenWrongMethodWithoutCredentialThenUnauthorized(String method, String path) {
		assertError(anonymous().request(method, path), 401, "unauthorized");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			value = { "GET | /client_sessions/create | POST,PUT", "DELETE | /client_sessions/get | GET,POST",
					"GET | /client_sessions/get_or_create | POST,PUT", "PUT | /client_sessions/list | GET,POST",
					"GET | /client_sessions/grant_access | PATCH,POST", "GET | /client_sessions/revoke | POST",
					"PUT | /client_sessions/revoke | POST", "GET | /client_sessions/delete | DELETE,POST",
					"PATCH | /client_sessions/delete | DELETE,POST" })
	void routeWhenWrongMethodWithApiKeyThenMethodNotAllowed(String method, String path, String allowed) {
		Response response = asWorkspace1().request(method, path);
		assertError(response, 405, "method_not_allowed");
		String message = response.jsonPath().getString("error.message");
		assertThat(message).startsWith("only ").endsWith(" accepted");
		Set<String> listed = new TreeSet<>(
				Arrays.asList(message.substring("only ".length(), message.length() - " accepted".length()).split(",")));
		assertThat(listed).isEqualTo(new TreeSet<>(Arrays.asList(allowed.split(","))));
	}

	@Test
	void createWhenGetWithApiKeyThenMessageAsSeam() {
		asWorkspace1().get("/client_sessions/create")
			.then()
			.statusCode(405)
			.body("error.type", equalTo("method_not_allowed"))
			.body("error.message", equalTo("only POST,PUT accepted"))
			.body("ok", equalTo(false));
	}

	@Test
	void wrongMethodWhenParametersAlsoInvalidThenMethodNotAllowed() {
		assertError(asWorkspace1().body("""
				{"user_identifier_key":123}""").delete("/client_sessions/create"), 405, "method_not_allowed");
	}

	@Test
	void routeWhenUnknownCredentialAndInvalidParametersThenUnauthorized() {
		assertError(withApiKey("seam_unknown_key_token").body("""
				{"user_identifier_key":123}""").put("/client_sessions/create"), 401, "unauthorized");
	}

	@Test
	void unknownRouteWhenAnonymousThenNotFoundEnvelope() {
		Response response = anonymous().get("/client_sessions/nope");
		assertError(response, 404, "not_found");
		assertThat(response.jsonPath().getString("error.message")).isEqualTo("Route not found");
		assertError(anonymous().body("{}").post("/no/such/route"), 404, "not_found");
		assertError(anonymous().get("/"), 404, "not_found");
		assertError(anonymous().delete("/client_sessions/nope"), 404, "not_found");
	}

	@Test
	void unknownRouteWhenApiKeyThenNotFoundEnvelope() {
		assertError(asWorkspace1().get("/client_sessions/nope"), 404, "not_found");
		assertError(asWorkspace1().body("{}").post("/client_session/create"), 404, "not_found");
	}

	@Test
	void responseWhenSuccessThenRequestIdHeader() {
		assertRequestId(asWorkspace1().queryParam("client_session_id", "cst1").get("/client_sessions/get"), 200);
		assertRequestId(asWorkspace1().body("{}").put("/client_sessions/create"), 200);
		assertRequestId(anonymous().get("/health"), 200);
	}

	@Test
	void responseWhenSuccessThenJsonWithOk() {
		asWorkspace1().get("/client_sessions/list")
			.then()
			.statusCode(200)
			.contentType(startsWith("application/json"))
			.body("ok", equalTo(true));
		asWorkspace1().body("""
				{"client_session_id":"cst1"}""")
			.post("/client_sessions/revoke")
			.then()
			.statusCode(200)
			.contentType(startsWith("application/json"))
			.body("ok", equalTo(true));
	}

	@Test
	void responseWhenClientErrorThenRequestIdHeader() {
		assertRequestId(asWorkspace1().body("""
				{"user_identifier_key":123}""").put("/client_sessions/create"), 400);
		assertRequestId(asWorkspace1().body("{").put("/client_sessions/create"), 400);
		assertRequestId(anonymous().get("/client_sessions/list"), 401);
		assertRequestId(withApiKey("seam_unknown_key_token").get("/client_sessions/list"), 401);
		assertRequestId(asWorkspace1().get("/client_sessions/revoke"), 405);
		assertRequestId(asWorkspace1().queryParam("client_session_id", "nope").get("/client_sessions/get"), 404);
		assertRequestId(asWorkspace1().body("x".repeat(1024 * 1024 + 1)).put("/client_sessions/create"), 413);
	}

	@Test
	void responseWhenUnknownRouteThenRequestIdHeader() {
		assertRequestId(anonymous().get("/no/such/route"), 404);
		assertRequestId(asWorkspace1().get("/no/such/route"), 404);
	}

	@Test
	void responseWhenTwoRequestsThenDifferentRequestIds() {
		String first = anonymous().get("/health").header(RequestIdFilter.HEADER);
		String second = anonymous().get("/health").header(RequestIdFilter.HEADER);
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void errorWhenAnyKindThenJsonWithoutStackTrace() {
		assertNoStackTrace(asWorkspace1().body("{\"user_identifier_key\":").put("/client_sessions/create"), 400);
		assertNoStackTrace(asWorkspace1().body("[1,2]").put("/client_sessions/create"), 400);
		assertNoStackTrace(asWorkspace1().body("""
				{"expires_at":"not a date"}""").put("/client_sessions/create"), 400);
		assertNoStackTrace(anonymous().get("/client_sessions/get"), 401);
		assertNoStackTrace(withApiKey("seam_unknown_key_token").get("/client_sessions/get"), 401);
		assertNoStackTrace(asWorkspace1().queryParam("client_session_id", "nope").get("/client_sessions/get"), 404);
		assertNoStackTrace(asWorkspace1().get("/no/such/route"), 404);
		assertNoStackTrace(asWorkspace1().put("/client_sessions/get"), 405);
		assertNoStackTrace(asWorkspace1().body("x".repeat(1024 * 1024 + 1)).put("/client_sessions/create"), 413);
	}

	@Test
	void optionsWhenNoCredentialThenOkAndEmpty() {
		Response response = anonymous().options("/client_sessions/create");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.asString()).isEmpty();
		assertThat(response.header(RequestIdFilter.HEADER)).startsWith("request_");
		Response list = anonymous().options("/client_sessions/list");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.asString()).isEmpty();
	}

	@Test
	void optionsWhenCorsPreflightThenOriginEchoedWithCredentials() {
		Response response = anonymous().header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "PUT")
			.header("Access-Control-Request-Headers", "authorization,content-type,client-session-token")
			.options("/client_sessions/create");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.asString()).isEmpty();
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
		assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(response.header("Access-Control-Allow-Methods")).contains("PUT");
		assertThat(response.header(RequestIdFilter.HEADER)).startsWith("request_");
	}

	@Test
	void requestWhenOriginSentThenOriginEchoed() {
		Response response = asWorkspace1().header("Origin", "https://app.example.com").get("/client_sessions/list");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
		assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
	}

	@Test
	void healthWhenDatabaseAnswersThenOk() {
		anonymous().get("/health")
			.then()
			.statusCode(200)
			.header(RequestIdFilter.HEADER, startsWith("request_"))
			.body("ok", equalTo(true));
	}

	private static void assertError(Response response, int status, String type) {
		response.then()
			.statusCode(status)
			.contentType(startsWith("application/json"))
			.header(RequestIdFilter.HEADER, startsWith("request_"))
			.body("ok", equalTo(false))
			.body("error.type", equalTo(type))
			.body("error.message", instanceOf(String.class));
	}

	private static void assertRequestId(Response response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.header(RequestIdFilter.HEADER)).startsWith("request_")
			.hasSizeGreaterThan("request_".length());
	}

	private static void assertNoStackTrace(Response response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		String body = response.asString();
		assertThat(response.jsonPath().getBoolean("ok")).isFalse();
		assertThat(response.jsonPath().getString("error.type")).isNotBlank();
		assertThat(response.jsonPath().getString("error.message")).isNotBlank();
		assertThat(body).doesNotContain("at dev.emulator", "at org.springframework", "Exception", "\"stack\"",
				"\"trace\"", "java.");
	}

}
