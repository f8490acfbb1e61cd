package dev.emulator.seam.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.SeamEmulatorApplication;
import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.RawHttp;
import dev.emulator.seam.support.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import dev.emulator.seam.auth.SeamRoute;

/**
 * Hostile input, property-based (jqwik): every route the server maps with {@link SeamRoute} (read from the handler
 * mapping, so a new route is covered without touching this class), every HTTP method, every kind of credential,
 * and whatever a client can put in the query string, the body, the headers and the request line. Whatever comes in,
 * the answer is a 4xx in Seam's envelope with a {@code seam-request-id} (or a 200 with {@code "ok": true} when the
 * input happens to be valid), within 10 seconds, never a 5xx; and a 4xx has written nothing: every table's content
 * is the same before and after.
 * <p>
 * Requests go over a raw socket, so that what the JDK's and RestAssured's clients refuse to send (bad
 * percent-encoding, invalid UTF-8, NUL, truncated bodies, lying Content-Length) reaches the server as written. The
 * application runs in a context of its own on a random port (jqwik is not a Spring test engine), on the tests'
 * PostgreSQL and with the seed. Seeds are jqwik's: random per run, printed with every failure, and a failed seed is
 * tried first on the next run ({@code .jqwik-database}); {@code @Property(seed = "...")} replays one.
 */
@PropertyDefaults(shrinking = ShrinkingMode.BOUNDED)
class HostileInputProperties {

	private static final int TIMEOUT_MILLIS = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Every parameter name the routes read (SeamParams getters and body members). */
	private static final List<String> KNOWN_PARAMETERS = List.of("accepted_capabilities", "accepted_providers",
			"acs_system_ids", "automatically_manage_new_devices", "between", "client_session_id", "connect_webview_id",
			"connect_webview_ids", "connected_account_id", "connected_account_ids", "created_before",
			"credential_manager_acs_system_id", "custom_metadata", "custom_metadata_has", "custom_redirect_failure_url",
			"custom_redirect_url", "customer_id", "customer_key", "device_count", "device_id", "device_ids",
			"device_selection_mode", "device_type", "device_types", "email", "email_address", "event_id", "event_ids",
			"event_type", "event_types", "excluded_providers", "expires_at", "full_name", "limit", "manufacturer",
			"name", "page_cursor", "phone_number", "provider", "provider_category", "search", "since", "sync",
			"unstable_offset", "user_identifier_key", "user_identity_id", "user_identity_ids", "user_identity_key",
			"wait_for_device_creation", "without_user_identifier_key");

	private static final String HUGE_STRING = "x".repeat(100_000);

	private static ConfigurableApplicationContext context;

	private static int port;

	private static JdbcTemplate jdbc;

	private static String snapshotSql;

	private static List<Route> routes;

	/** A request's route and method: mostly a method the route accepts, sometimes any other. */
	record Target(String path, String method) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	record Route(String path, Set<String> methods) {

		@Override
		public String toString() {
			return this.path;
		}

	}

	@BeforeContainer
	static void startServer() {
		TestDatabase.Connection db = TestDatabase.get();
		context = new SpringApplicationBuilder(SeamEmulatorApplication.class).run("--server.port=0",
				"--emulator.seed=true", "--emulator.token-encryption-key=" + ApiTest.TOKEN_ENCRYPTION_KEY,
				"--emulator.purge.enabled=false", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
				"--logging.level.root=WARN", "--logging.level.dev.emulator.seam=ERROR");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
		jdbc = context.getBean(JdbcTemplate.class);
		List<String> tables = jdbc.queryForList("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'
				  and table_name <> 'flyway_schema_history' order by table_name""", String.class);
		snapshotSql = tables.stream()
			.map((table) -> "select '%1$s' || ':' || count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from %1$s t"
				.formatted(table))
			.collect(Collectors.joining(" union all "));
		routes = new ArrayList<>();
		context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.forEach((RequestMappingInfo info, HandlerMethod method) -> {
				SeamRoute route = method.getMethodAnnotation(SeamRoute.class);
				if (route != null) {
					Set<String> methods = Arrays.stream(route.methods())
						.map(RequestMethod::name)
						.collect(Collectors.toCollection(LinkedHashSet::new));
					info.getPatternValues().forEach((path) -> routes.add(new Route(path, methods)));
				}
			});
		routes.add(new Route("/client_sessions/no_such_route", Set.of("GET")));
		assertThat(routes).as("routes found in the handler mapping").hasSizeGreaterThan(20);
		reset();
	}

	@AfterContainer
	static void stopServer() {
		if (context != null) {
			context.close();
		}
	}

	// ---------------------------------------------------------------- properties

	/** JSON bodies of any shape: every JSON type in every known parameter, unknown ones, duplicates, huge values. */
	@Property(tries = 200)
	void jsonBodyWhateverItHoldsThenEnvelope(@ForAll("targets") Target target,
			@ForAll("credentials") List<String[]> credential, @ForAll("jsonObjects") String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		List<String[]> headers = new ArrayList<>(credential);
		headers.add(new String[] { "Content-Type", "application/json" });
		check(target.method(), target.path(), headers, bytes, bytes.length, false);
	}

	/** Query strings of any shape: hostile values, bad percent-encoding, dotted and bracket keys, absurd values. */
	@Property(tries = 200)
	void queryStringWhateverItHoldsThenEnvelope(@ForAll("targets") Target target,
			@ForAll("credentials") List<String[]> credential, @ForAll("queries") String query) {
		check(target.method(), target.path() + "?" + query, credential, new byte[0], -1, false);
	}

	/** Bodies that are not what they claim: wrong content types, invalid UTF-8, truncated, too deep, too big. */
	@Property(tries = 150)
	void bodyBytesWhateverTheirFormThenEnvelope(@ForAll("routes") Route route,
			@ForAll("bodyMethods") String method, @ForAll("credentials") List<String[]> credential,
			@ForAll("contentTypes") String contentType, @ForAll("rawBodies") RawBody body) {
		List<String[]> headers = new ArrayList<>(credential);
		if (!contentType.isEmpty()) {
			headers.add(new String[] { "Content-Type", contentType });
		}
		long declared = body.truncated() ? body.bytes().length + 1 + body.bytes().length / 2 : body.bytes().length;
		check(method, route.path(), headers, body.bytes(), declared, body.truncated());
	}

	/** Request lines and headers Tomcat or Spring Security refuse before any route runs. */
	@Property(tries = 150)
	void requestLineWhateverItHoldsThenEnvelope(@ForAll("targets") Target target,
			@ForAll("credentials") List<String[]> credential, @ForAll("pathMutations") String mutation,
			@ForAll("hostileHeaders") List<String[]> extraHeaders) {
		List<String[]> headers = new ArrayList<>(credential);
		headers.addAll(extraHeaders);
		check(target.method(), mutate(target.path(), mutation), headers, new byte[0], -1, false);
	}

	// ---------------------------------------------------------------- the check

	private static void check(String method, String target, List<String[]> headers, byte[] body, long declaredLength,
			boolean truncated) {
		String before = snapshot();
		RawHttp.Response response;
		try {
			response = RawHttp.send(port, TIMEOUT_MILLIS, method, target, headers, body, declaredLength, truncated);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("No response within " + TIMEOUT_MILLIS + " ms", ex);
		}
		catch (IOException ex) {
			throw new AssertionError("Connection failed: " + ex, ex);
		}
		Statistics.label("status").collect(response.status());
		String context = method + " " + abbreviate(target) + " -> " + response.status() + " "
				+ abbreviate(response.bodyText());
		assertThat(response.status()).as(context).isLessThan(500);
		assertThat(response.status() == 200 || (response.status() >= 400 && response.status() < 500))
			.as("200 or 4xx: " + context)
			.isTrue();
		assertThat(response.header(RequestIdFilter.HEADER)).as("seam-request-id: " + context).startsWith("request_");
		if (method.equals("HEAD") || method.equals("OPTIONS")) {
			// No body by definition (OPTIONS is answered empty, CONTRACT 0.2); status and header are what there is.
			if (response.status() >= 400) {
				assertThat(snapshot()).as("nothing written: " + context).isEqualTo(before);
			}
			return;
		}
		assertThat(response.header("content-type")).as("content type: " + context).startsWith("application/json");
		JsonNode json;
		try {
			json = JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new AssertionError("Not JSON: " + context, ex);
		}
		assertThat(json.isObject()).as(context).isTrue();
		if (response.status() == 200) {
			// /_fake/default_seed answers a bare name-to-value map, as Seam's fake does.
			assertThat(json.path("ok").asBoolean(true)).as("ok: true: " + context).isTrue();
			if (!snapshot().equals(before)) {
				// A valid write (a session created, revoked...): start the next try from the seed again.
				reset();
			}
			return;
		}
		assertThat(json.path("ok").isBoolean() && !json.path("ok").asBoolean()).as("ok: false: " + context).isTrue();
		assertThat(json.path("error").path("type").isString()).as("error.type: " + context).isTrue();
		assertThat(json.path("error").path("type").asString()).as(context).isNotEmpty();
		assertThat(json.path("error").path("message").isString()).as("error.message: " + context).isTrue();
		assertThat(snapshot()).as("nothing written by a " + response.status() + ": " + context).isEqualTo(before);
	}

	private static String snapshot() {
		return String.join("\n", jdbc.queryForList(snapshotSql, String.class));
	}

	private static void reset() {
		try {
			RawHttp.Response response = RawHttp.send(port, TIMEOUT_MILLIS, "POST", "/_sandbox/reset", List.of(),
					new byte[0], 0, false);
			assertThat(response.status()).as("sandbox reset").isEqualTo(200);
		}
		catch (IOException ex) {
			throw new AssertionError("sandbox reset failed", ex);
		}
	}

	private static String abbreviate(String value) {
		return (value.length() > 300) ? value.substring(0, 300) + "…(" + value.length() + " chars)" : value;
	}

	// ---------------------------------------------------------------- generators

	@Provide
	Arbitrary<Route> routes() {
		return Arbitraries.of(routes);
	}

	@Provide
	Arbitrary<Target> targets() {
		return Arbitraries.of(routes).flatMap((route) -> Arbitraries
			.frequencyOf(Tuple.of(6, Arbitraries.of(route.methods())),
					Tuple.of(2, Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE")),
					Tuple.of(1, Arbitraries.of("HEAD", "OPTIONS", "TRACE", "FOO", "get")))
			.map((method) -> new Target(route.path(), method)));
	}

	@Provide
	Arbitrary<String> bodyMethods() {
		return Arbitraries.of("POST", "PUT", "PATCH", "DELETE");
	}

	/** Every credential kind of the seed, none, and malformed ones. */
	@Provide
	Arbitrary<List<String[]>> credentials() {
		Arbitrary<List<String[]>> seed = Arbitraries.of(Credential.values()).map(HostileInputProperties::headersOf);
		Arbitrary<List<String[]>> hostile = headerSafeStrings().map((value) -> List.<String[]>of(
				new String[] { "Authorization", "Bearer " + value }));
		Arbitrary<List<String[]>> malformed = Arbitraries.of(List.of(),
				List.<String[]>of(new String[] { "Authorization", "Bearer seam_cst_unknown" }),
				List.<String[]>of(new String[] { "client-session-token", "not_a_cst" }),
				List.<String[]>of(new String[] { "Authorization", "Bearer seam_at1_x_y" },
						new String[] { "seam-workspace", "seed_workspace_1" }),
				List.<String[]>of(new String[] { "seam-publishable-key", "seam_pk1_token" }),
				List.<String[]>of(new String[] { "seam-publishable-key", "seam_pk1_token" },
						new String[] { "seam-user-identifier-key", "u".repeat(1001) }),
				List.<String[]>of(new String[] { "Authorization", "Bearer " + ApiTest.API_KEY_1 },
						new String[] { "client-session-token", ApiTest.SEED_CST }),
				List.<String[]>of(new String[] { "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30." }));
		Arbitrary<List<String[]>> apiKey = Arbitraries.just(headersOf(Credential.API_KEY));
		return Arbitraries.frequencyOf(Tuple.of(5, apiKey), Tuple.of(6, seed), Tuple.of(1, hostile),
				Tuple.of(2, malformed));
	}

	private static List<String[]> headersOf(Credential credential) {
		return switch (credential) {
			case API_KEY -> List.<String[]>of(new String[] { "Authorization", "Bearer " + ApiTest.API_KEY_1 });
			case PERSONAL_ACCESS_TOKEN -> List.<String[]>of(new String[] { "Authorization", "Bearer " + Credential.PAT },
					new String[] { "seam-workspace", "seed_workspace_1" });
			case CLIENT_SESSION_BEARER -> List.<String[]>of(new String[] { "Authorization", "Bearer " + ApiTest.SEED_CST });
			case CLIENT_SESSION_HEADER -> List.<String[]>of(new String[] { "client-session-token", ApiTest.SEED_CST });
			case PUBLISHABLE_KEY -> List.<String[]>of(new String[] { "seam-publishable-key", "seam_pk1_token" },
					new String[] { "seam-user-identifier-key", "john_user_identifier_key" });
			case CONSOLE_SESSION -> List.<String[]>of(
					new String[] { "Authorization", "Bearer " + Credential.seedConsoleSessionToken() },
					new String[] { "seam-workspace", "seed_workspace_1" });
		};
	}

	/** Strings without CR and LF (which would end the header), but with anything else a header can carry. */
	private static Arbitrary<String> headerSafeStrings() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.of("seam_cst", "seam_cst\u0000x", "seam_pk1_token\u0001", "é😀", "\u202e", " ", "\t",
						"x".repeat(9000)))
			.map((value) -> value.replace("\r", "").replace("\n", ""));
	}

	@Provide
	Arbitrary<List<String[]>> hostileHeaders() {
		return Arbitraries.of(List.of(), List.<String[]>of(new String[] { "seam-workspace", "ws\u0000" }),
				List.<String[]>of(new String[] { "seam-user-identifier-key", "é\u0001" }),
				List.<String[]>of(new String[] { "X-Forwarded-For", "%zz" }),
				List.<String[]>of(new String[] { "Content-Type", "application/json; charset=x-unknown" }),
				List.<String[]>of(new String[] { "Transfer-Encoding", "chunked, identity" }),
				List.<String[]>of(new String[] { "X-Long", "y".repeat(10_000) }),
				List.<String[]>of(new String[] { "Bad Header Name", "x" }));
	}

	/** Strings of every kind a client can send: unicode, NUL, lone surrogates, RTL, emoji, huge, absurd values. */
	@Provide
	Arbitrary<String> hostileStrings() {
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
				Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(4)),
				Tuple.of(5, Arbitraries.of("", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00", "\udbff\udfff",
						"\u202eevil\u202c", "😀", "עברית", "𝕏𝕐", "\ufeff", "\uffff", "%00", "' or 1=1 --", "null",
						"cst1", "seam_cst1_token", "john_connected_account_id", "august_device_1", "connect_webview1",
						"event1", "john_user_identifier_key", "seed_workspace_1", "device.connected",
						"2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z", "+275760-09-13T00:00:00Z",
						"+999999999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
						"9999-12-31T23:59:59.999Z", "2026-02-30T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00",
						"1", "0", "-1", "99999999999999999999", "1e308", "true", "yes", "lock", "august", "none",
						"https://example.com/", "javascript:alert(1)", "a@b.co", pageCursor("x", "2020-01-01T00:00:00Z"),
						pageCursor("x", "+999999999-12-31T23:59:59Z"), "AAAA", "!!!not-base64!!!")),
				Tuple.of(1, Arbitraries.of(HUGE_STRING, "é".repeat(20_000), "😀".repeat(5_000))));
	}

	private static String pageCursor(String fingerprint, String createdAt) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((fingerprint + "\n" + createdAt + "\nid\u0000").getBytes(StandardCharsets.UTF_8));
	}

	/** A JSON object as text, written here so that duplicates, lone surrogates and any nesting survive. */
	@Provide
	Arbitrary<String> jsonObjects() {
		Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(KNOWN_PARAMETERS)),
				Tuple.of(1, Arbitraries.of("_strict", "custom_metadata_has.foo", "device_ids[]", "__proto__",
						"constructor", "")),
				Tuple.of(1, hostileStrings()));
		Arbitrary<String> member = Combinators.combine(key, jsonValues(3)).as((k, v) -> jsonString(k) + ":" + v);
		Arbitrary<String> object = member.list().ofMaxSize(6).map((members) -> "{" + String.join(",", members) + "}");
		return Arbitraries.frequencyOf(Tuple.of(12, object), Tuple.of(1, Arbitraries.of(KNOWN_PARAMETERS)
			.map((name) -> "{" + jsonString(name) + ":" + hugeArray() + "}")),
				Tuple.of(1, Arbitraries.of("{\"a\":1,\"a\":2}", "{\"user_identifier_key\":\"a\",\"user_identifier_key\":\"b\"}",
						"{\"custom_metadata\":{\"k\":\"v\",\"k\":\"w\"}}", deepArray(10_000), deepObject(10_000),
						"{\"custom_metadata\":" + deepObject(100) + "}", "{\"x\":" + deepArray(63) + "}")));
	}

	private static Arbitrary<String> jsonValues(int depth) {
		Arbitrary<String> scalar = Arbitraries.frequencyOf(
				Tuple.of(5, hostileStringsStatic().map(HostileInputProperties::jsonString)),
				Tuple.of(1, Arbitraries.of("null", "true", "false")),
				Tuple.of(1, Arbitraries.of("0", "-0", "1", "-1", "1.5", "1e309", "-1e309", "123456789012345678901234567890",
						"2147483648", "1E-400", "0.0000001")),
				Tuple.of(1, Arbitraries.integers().map(String::valueOf)));
		if (depth == 0) {
			return scalar;
		}
		Arbitrary<String> array = Arbitraries.lazy(() -> jsonValues(depth - 1))
			.list()
			.ofMaxSize(4)
			.map((items) -> "[" + String.join(",", items) + "]");
		Arbitrary<String> object = Combinators
			.combine(Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6), hostileStringsStatic()),
					Arbitraries.lazy(() -> jsonValues(depth - 1)))
			.as((k, v) -> jsonString(k) + ":" + v)
			.list()
			.ofMaxSize(3)
			.map((members) -> "{" + String.join(",", members) + "}");
		return Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(2, array), Tuple.of(1, object));
	}

	private static Arbitrary<String> hostileStringsStatic() {
		return new HostileInputProperties().hostileStrings();
	}

	private static String hugeArray() {
		StringBuilder array = new StringBuilder("[");
		for (int i = 0; i < 10_000; i++) {
			array.append((i == 0) ? "" : ",").append("\"id").append(i).append('"');
		}
		return array.append(']').toString();
	}

	private static String deepArray(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

	private static String deepObject(int depth) {
		return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
	}

	/** JSON string literal; surrogates always escaped (a lone one has no UTF-8 form), other non-ASCII raw. */
	static String jsonString(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	@Provide
	Arbitrary<String> queries() {
		Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(KNOWN_PARAMETERS)),
				Tuple.of(2, Arbitraries.of(KNOWN_PARAMETERS).map((name) -> name + "[]")),
				Tuple.of(1, Arbitraries.of("custom_metadata_has.foo", "custom_metadata_has.", "a.b.c", "device_ids[0]",
						"device_ids[a]", "_strict", "", "%zz", "%", "k%00", "custom_metadata_has.%00")),
				Tuple.of(1, hostileStrings().map(HostileInputProperties::percentEncode)));
		Arbitrary<String> value = Arbitraries.frequencyOf(
				Tuple.of(6, hostileStrings().map(HostileInputProperties::percentEncode)),
				Tuple.of(2, Arbitraries.of("%zz", "%", "%0", "%00", "a%00b", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%FF",
						"%F4%90%80%80", "+", "%2B275760-09-13T00:00:00Z", "%2B10000-01-01T00:00:00Z", "a,b,,c", ",",
						"99999999999999999999", "-2147483649", "0x10", "1e3", "%E2%80%AE")),
				Tuple.of(1, Arbitraries.of("id".repeat(5), "a,".repeat(1_200), "z".repeat(3_000))));
		Arbitrary<String> pair = Arbitraries.frequencyOf(
				Tuple.of(9, Combinators.combine(key, value).as((k, v) -> k + "=" + v)), Tuple.of(1, key));
		return pair.list().ofMaxSize(6).map((pairs) -> String.join("&", pairs));
	}

	/** Percent-encodes the UTF-8 bytes of a string (a lone surrogate becomes {@code ?}, as in any client). */
	static String percentEncode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		return out.toString();
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/json; charset=latin1",
				"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=XyZ",
				"multipart/form-data", "application/xml", "text/xml", "application/octet-stream", "*/*", "garbage", "");
	}

	record RawBody(String label, byte[] bytes, boolean truncated) {

		@Override
		public String toString() {
			return this.label + (this.truncated ? " (truncated)" : "") + " " + this.bytes.length + " bytes";
		}

	}

	@Provide
	Arbitrary<RawBody> rawBodies() {
		byte[] multipart = ("--XyZ\r\nContent-Disposition: form-data; name=\"user_identifier_key\"\r\n\r\nu1\r\n"
				+ "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.json\"\r\n"
				+ "Content-Type: application/json\r\n\r\n{}\r\n--XyZ--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		List<RawBody> fixed = List.of(new RawBody("empty", new byte[0], false),
				new RawBody("blank", " \r\n\t ".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("form", "user_identifier_key=u1&a=%zz".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("multipart", multipart, false),
				new RawBody("xml", "<?xml version=\"1.0\"?><a>&lt;</a>".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("invalid utf-8 in a string", bytes("{\"user_identifier_key\":\"a", 0xff, 0xfe, "b\"}"), false),
				new RawBody("overlong utf-8", bytes("{\"user_identifier_key\":\"", 0xc0, 0xaf, "\"}"), false),
				new RawBody("cesu surrogate", bytes("{\"user_identifier_key\":\"", 0xed, 0xa0, 0x80, "\"}"), false),
				new RawBody("raw NUL", bytes("{\"user_identifier_key\":\"a", 0x00, "\"}"), false),
				new RawBody("BOM", bytes("", 0xef, 0xbb, 0xbf, "{}"), false),
				new RawBody("utf-16", "{\"user_identifier_key\":\"u\"}".getBytes(StandardCharsets.UTF_16), false),
				new RawBody("array", "[{}]".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("string", "\"x\"".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("null", "null".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("trailing", "{} {}".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("comment", "{/*x*/}".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("single quotes", "{'a':1}".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("NaN", "{\"limit\":NaN}".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("deep array", deepArray(10_000).getBytes(StandardCharsets.UTF_8), false),
				new RawBody("deep object", deepObject(10_000).getBytes(StandardCharsets.UTF_8), false),
				new RawBody("too large", ("{\"a\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8),
						false),
				new RawBody("just under the limit",
						("{\"zz\":\"" + "x".repeat(1024 * 1024 - 12) + "\"}").getBytes(StandardCharsets.UTF_8), false));
		Arbitrary<RawBody> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64)
			.map((b) -> new RawBody("random bytes", b, false));
		Arbitrary<RawBody> json = jsonObjects().map((text) -> new RawBody("json", text.getBytes(StandardCharsets.UTF_8), false));
		Arbitrary<RawBody> any = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(fixed)), Tuple.of(2, random),
				Tuple.of(3, json));
		return Combinators.combine(any, Arbitraries.integers().between(0, 5))
			.as((body, truncate) -> (truncate == 0) ? new RawBody(body.label(), body.bytes(), true) : body);
	}

	private static byte[] bytes(Object... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object part : parts) {
			if (part instanceof String text) {
				out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
			}
			else {
				out.write((Integer) part);
			}
		}
		return out.toByteArray();
	}

	/** How to spoil a path: a firewall pattern, bad encoding, raw bytes, length. */
	@Provide
	Arbitrary<String> pathMutations() {
		return Arbitraries.of("none", "%2e%2e", "/./", "/../", ";jsessionid=x", "//", "%2f", "%2F", "%5c", "\\", "%00",
				"%zz", "%", "%25", "%c0%ae", "é", "%e9", "%ff", "\u0001", "\u007f", "|", "{}", "^", "`", "<>", "'\"",
				"#frag", "?%zz", "?a=%", "?a=%00", "?a[b]=c&a.b=c", "?" + "q".repeat(10_000), "/" + "p".repeat(10_000),
				"*", "%20", "?a=b%ZZc", "?=&=&", "?&&&", "?a==b");
	}

	private static String mutate(String path, String mutation) {
		if (mutation.equals("none")) {
			return path;
		}
		if (mutation.startsWith("?") || mutation.startsWith("#")) {
			return path + mutation;
		}
		int slash = path.lastIndexOf('/');
		return path.substring(0, slash) + mutation + path.substring(slash);
	}

}
