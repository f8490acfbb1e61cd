package dev.emulator.seam.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The inputs {@link HostileInputPropertyTests} found answered with a 500, a non-JSON page
 * or a silent write, each sent exactly as found: every one is now a 4xx in Seam's
 * envelope with a {@code seam-request-id}, and writes nothing.
 */
class HostileInputRegressionTests extends ApiTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void createWhenNulInBodyStringThenInvalidInputAndNothingWritten() {
		int sessions = count("client_sessions");
		Response response = asWorkspace1().body("""
				{"user_identifier_key":"a\\u0000b"}""").put("/client_sessions/create");
		assertInvalidInput(response, "user_identifier_key", "String must not contain NUL characters");
		assertThat(count("client_sessions")).isEqualTo(sessions);
	}

	@Test
	void unknownRouteWhenWildcardContentTypeThenNotFoundEnvelope() {
		// Was 500: Spring's no-handler path refuses to turn a wildcard Content-Type into
		// HttpHeaders.
		for (String contentType : new String[] { "*/*", "application/*" }) {
			asWorkspace1().contentType(contentType)
				.body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.post("/client_sessions/no_such_route")
				.then()
				.statusCode(404)
				.body("ok", org.hamcrest.Matchers.equalTo(false))
				.body("error.type", org.hamcrest.Matchers.equalTo("not_found"));
		}
		asWorkspace1().contentType("*/*")
			.body("""
					{"user_identifier_key":"wildcard-content-type"}"""
				.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.user_identifier_key", org.hamcrest.Matchers.equalTo("wildcard-content-type"));
	}

	@Test
	void getWhenNulInQueryThenInvalidInput() {
		Response response = asWorkspace1().urlEncodingEnabled(false)
			.get("/client_sessions/get?client_session_id=a%00b");
		assertInvalidInput(response, "client_session_id", "String must not contain NUL characters");
	}

	@Test
	void createWebviewWhenNulInMetadataKeyThenInvalidInputAndNothingWritten() {
		int webviews = count("connect_webviews");
		Response response = asWorkspace1().body("""
				{"custom_metadata":{"a\\u0000":"b"}}""").post("/connect_webviews/create");
		assertInvalidInput(response, "custom_metadata", "String must not contain NUL characters");
		assertThat(count("connect_webviews")).isEqualTo(webviews);
	}

	@Test
	void listWebviewsWhenNulInMetadataFilterThenInvalidInput() {
		assertInvalidInput(asWorkspace1().body("""
				{"custom_metadata_has":{"a":"b\\u0000"}}""").post("/connect_webviews/list"), "custom_metadata_has",
				"String must not contain NUL characters");
		assertInvalidInput(
				asWorkspace1().urlEncodingEnabled(false).get("/connect_webviews/list?custom_metadata_has.a=b%00"),
				"custom_metadata_has.a", "String must not contain NUL characters");
	}

	@Test
	void createWhenUnpairedSurrogateThenInvalidInputAndNothingWritten() {
		int sessions = count("client_sessions");
		Response response = asWorkspace1().body("""
				{"user_identifier_key":"a\\ud800b"}""").put("/client_sessions/create");
		assertInvalidInput(response, "user_identifier_key", "String must not contain unpaired surrogates");
		assertThat(count("client_sessions")).isEqualTo(sessions);
	}

	@Test
	void createWhenMultipartThenInvalidInputAndNothingWritten() {
		int sessions = count("client_sessions");
		Response response = asWorkspace1().contentType(ContentType.MULTIPART)
			.multiPart("user_identifier_key", "u1")
			.post("/client_sessions/create");
		assertEnvelope(response, 400, "invalid_input");
		assertThat(count("client_sessions")).isEqualTo(sessions);
	}

	@Test
	void eventsWhenYearBeyond9999ThenInvalidDatetime() {
		assertInvalidInput(
				asWorkspace1().urlEncodingEnabled(false).get("/events/list?since=%2B999999999-12-31T23:59:59Z"),
				"since", "Invalid datetime");
		assertInvalidInput(asWorkspace1().urlEncodingEnabled(false).get("/events/list?since=%2B10000-01-01T00:00:00Z"),
				"since", "Invalid datetime");
		assertInvalidInput(asWorkspace1().body("""
				{"between":["-000001-01-01T00:00:00Z","2026-01-01T00:00:00Z"]}""").post("/events/list"), "between",
				"Invalid datetime");
	}

	@Test
	void createWhenExpiryBeyond9999ThenInvalidDatetimeAndNothingWritten() {
		int sessions = count("client_sessions");
		assertInvalidInput(asWorkspace1().body("""
				{"expires_at":"+275760-09-13T00:00:00Z"}""").put("/client_sessions/create"), "expires_at",
				"Invalid datetime");
		assertThat(count("client_sessions")).isEqualTo(sessions);
	}

	@Test
	void listWhenForgedCursorWithImpossibleInstantThenInvalidInput() {
		// The fingerprint of /connected_accounts/list without filters is public knowledge
		// (Paging.read).
		String fingerprint = Hashes.sha256Hex("[null, null]").substring(0, 16);
		String cursor = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((fingerprint + "\n+999999999-12-31T23:59:59Z\nid").getBytes(StandardCharsets.UTF_8));
		assertInvalidInput(asWorkspace1().queryParam("page_cursor", cursor).get("/connected_accounts/list"),
				"page_cursor", "Invalid page cursor");
		String nul = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((fingerprint + "\n2020-01-01T00:00:00Z\nid\u0000").getBytes(StandardCharsets.UTF_8));
		assertInvalidInput(asWorkspace1().queryParam("page_cursor", nul).get("/connected_accounts/list"), "page_cursor",
				"Invalid page cursor");
	}

	@Test
	void bodyWhenNestedDeeperThanLimitThenInvalidJson() {
		String deep = "[".repeat(SeamParamsReader.MAX_NESTING_DEPTH) + "]".repeat(SeamParamsReader.MAX_NESTING_DEPTH);
		// Unknown parameters are ignored, so the deepest accepted body still lists.
		asWorkspace1().body("{\"x\":" + deep.substring(1, deep.length() - 1) + "}")
			.post("/client_sessions/list")
			.then()
			.statusCode(200);
		assertEnvelope(asWorkspace1().body("{\"x\":" + deep + "}").post("/client_sessions/list"), 400, "invalid_input");
		String tenThousand = "[".repeat(10_000) + "]".repeat(10_000);
		assertEnvelope(asWorkspace1().body(tenThousand).post("/client_sessions/list"), 400, "invalid_input");
	}

	@Test
	void headerWithControlCharactersAfterDecodingThenInvalidInput() throws IOException {
		// The emoji's UTF-8 bytes read as ISO-8859-1 include C1 controls, which the
		// firewall refuses when the authentication filter reads the header.
		RawHttp.Response response = RawHttp.get(this.port, "GET", "/client_sessions/list", "Authorization",
				"Bearer 😀");
		assertRawEnvelope(response, 400, "invalid_input");
	}

	@Test
	void pathWithEncodedSlashThenEnvelopeFromTomcat() throws IOException {
		assertRawEnvelope(
				RawHttp.get(this.port, "GET", "/client_sessions%2flist", "Authorization", "Bearer " + API_KEY_1), 400,
				"invalid_input");
	}

	@Test
	void queryLongerThanHeaderLimitThenEnvelopeFromTomcat() throws IOException {
		assertRawEnvelope(RawHttp.get(this.port, "GET", "/client_sessions/list?x=" + "a".repeat(10_000),
				"Authorization", "Bearer " + API_KEY_1), 400, "invalid_input");
	}

	@Test
	void requestLineWithInvalidCharactersThenEnvelopeFromTomcat() throws IOException {
		assertRawEnvelope(RawHttp.get(this.port, "GET", "/health?a=\u0001"), 400, "invalid_input");
		assertRawEnvelope(RawHttp.get(this.port, "GET", "/he alth"), 400, "invalid_input");
		assertRawEnvelope(RawHttp.get(this.port, "GET", "/h\u00e9alth"), 400, "invalid_input");
	}

	@Test
	void pathTheFirewallRefusesThenInvalidInput() throws IOException {
		for (String path : List.of("/client_sessions/%2e%2e/list", "/client_sessions;x=1/list",
				"//client_sessions/list", "/client_sessions/list%00")) {
			assertRawEnvelope(RawHttp.get(this.port, "GET", path, "Authorization", "Bearer " + API_KEY_1), 400,
					"invalid_input");
		}
	}

	@Test
	void queryWithBadPercentEncodingThenInvalidInput() throws IOException {
		for (String query : List.of("x=%zz", "x=%", "x=%0", "%zz=1")) {
			assertRawEnvelope(RawHttp.get(this.port, "GET", "/client_sessions/list?" + query, "Authorization",
					"Bearer " + API_KEY_1), 400, "invalid_input");
		}
	}

	@Test
	void truncatedBodyThenInvalidInputAndNothingWritten() throws IOException {
		int sessions = count("client_sessions");
		byte[] body = "{\"user_identifier_key\":\"u".getBytes(StandardCharsets.UTF_8);
		RawHttp.Response response = RawHttp.send(this.port, 10_000, "PUT", "/client_sessions/create",
				List.<String[]>of(new String[] { "Authorization", "Bearer " + API_KEY_1 },
						new String[] { "Content-Type", "application/json" }),
				body, body.length + 10, true);
		assertRawEnvelope(response, 400, "invalid_input");
		assertThat(count("client_sessions")).isEqualTo(sessions);
	}

	@Test
	void publishableKeyWhenTruncatedBodyThenInvalidInput() throws IOException {
		byte[] body = "{\"user_identifier_key\":".getBytes(StandardCharsets.UTF_8);
		RawHttp.Response response = RawHttp.send(this.port, 10_000, "POST", "/client_sessions/get_or_create",
				List.<String[]>of(new String[] { "seam-publishable-key", "seam_pk1_token" },
						new String[] { "Content-Type", "application/json" }),
				body, body.length + 10, true);
		assertRawEnvelope(response, 400, "invalid_input");
	}

	@Test
	void publishableKeyWhenHeaderKeyLongerThanStringLimitThenInvalidInputAndNothingWritten() {
		int sessions = count("client_sessions");
		Response response = anonymous().header("seam-publishable-key", "seam_pk1_token")
			.header("seam-user-identifier-key", "u".repeat(1001))
			.body("{}")
			.post("/client_sessions/get_or_create");
		assertInvalidInput(response, "user_identifier_key", "String must contain at most 1000 character(s)");
		assertThat(count("client_sessions")).isEqualTo(sessions);
	}

	@Test
	void traceWhenAnyRouteThenEnvelopeWithRequestId() {
		assertEnvelope(Credential.API_KEY.request().request("TRACE", "/client_sessions/list"), 405,
				"method_not_allowed");
	}

	private int count(String table) {
		Integer count = this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
		return (count != null) ? count : 0;
	}

	private static void assertInvalidInput(Response response, String parameter, String message) {
		assertEnvelope(response, 400, "invalid_input");
		assertThat(response.jsonPath().getList("error.validation_errors.'" + parameter + "'._errors"))
			.containsExactly(message);
	}

	private static void assertEnvelope(Response response, int status, String type) {
		response.then()
			.statusCode(status)
			.contentType(startsWith("application/json"))
			.header(RequestIdFilter.HEADER, startsWith("request_"))
			.body("ok", equalTo(false))
			.body("error.type", equalTo(type));
	}

	private static void assertRawEnvelope(RawHttp.Response response, int status, String type) {
		assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
		assertThat(response.header(RequestIdFilter.HEADER)).startsWith("request_");
		assertThat(response.header("content-type")).startsWith("application/json");
		assertThat(response.bodyText()).contains("\"ok\":false").contains("\"type\":\"" + type + "\"");
	}

}
