package dev.emulator.seam.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.auth.SeamRoute;
import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.RawHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Hostile input, property-based (QuickTheories): every route the server maps with
 * {@link SeamRoute} (read from the handler mapping, so a new route is covered without
 * touching this class), every HTTP method, every kind of credential, and whatever a
 * client can put in the query string, the body, the headers and the request line.
 * Whatever comes in, the answer is a 4xx in Seam's envelope with a
 * {@code seam-request-id} (or a 200 with {@code "ok": true} when the input happens to be
 * valid), within 10 seconds, never a 5xx; and a 4xx has written nothing: every table's
 * content is the same before and after.
 * <p>
 * Requests go over a raw socket, so that what the JDK's and RestAssured's clients refuse
 * to send (bad percent-encoding, invalid UTF-8, NUL, truncated bodies, lying
 * Content-Length) reaches the server as written. The server is the shared full-stack test
 * context ({@link ApiTest}: the tests' PostgreSQL, the seed restored before each
 * property). Inputs are random on every run; a failure prints the smallest failing input
 * QuickTheories found and the seed ("Seed was N"), and {@code -DQT_SEED=N} replays that
 * run. {@link HostileInputRegressionTests} keeps, as plain tests, the inputs this class
 * found.
 */
class HostileInputPropertyTests extends ApiTest {

	private static final int TIMEOUT_MILLIS = 10_000;

	/**
	 * Shrinking sends requests too; a few cycles find a smaller input without turning a
	 * failure into minutes.
	 */
	private static final int SHRINK_CYCLES = 20;

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

	/**
	 * Loggers quietened while the properties run: hundreds of refused requests, some with
	 * 10,000-character lines.
	 */
	private static final Map<String, LogLevel> QUIET_LOGGERS = Map.of(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN,
			"dev.emulator.seam", LogLevel.ERROR, "seam.request", LogLevel.ERROR);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	private String snapshotSql;

	private List<Route> routes;

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	private final AtomicInteger tries = new AtomicInteger();

	private int budget;

	private boolean failed;

	private final Map<String, Optional<LogLevel>> configuredLevels = new HashMap<>();

	/**
	 * A request's route and method: mostly a method the route accepts, sometimes any
	 * other.
	 */
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

	/** Request headers, printed as names and abbreviated values when a property fails. */
	record Headers(List<String[]> lines) {

		Headers plus(String name, String value) {
			List<String[]> more = new ArrayList<>(this.lines);
			more.add(new String[] { name, value });
			return new Headers(more);
		}

		Headers plus(Headers other) {
			List<String[]> more = new ArrayList<>(this.lines);
			more.addAll(other.lines);
			return new Headers(more);
		}

		@Override
		public String toString() {
			return this.lines.stream()
				.map((line) -> line[0] + ": " + abbreviate(line[1]))
				.collect(Collectors.joining(", ", "[", "]"));
		}

	}

	record RawBody(String label, byte[] bytes, boolean truncated) {

		@Override
		public String toString() {
			return this.label + (this.truncated ? " (truncated)" : "") + " " + this.bytes.length + " bytes";
		}

	}

	@BeforeEach
	void readRoutesAndTables() {
		List<String> tables = this.jdbc.queryForList("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'
				  and table_name <> 'flyway_schema_history' order by table_name""", String.class);
		this.snapshotSql = tables.stream()
			.map((table) -> "select '%1$s' || ':' || count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from %1$s t"
				.formatted(table))
			.collect(Collectors.joining(" union all "));
		this.routes = new ArrayList<>();
		this.handlerMapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
			SeamRoute route = method.getMethodAnnotation(SeamRoute.class);
			if (route != null) {
				Set<String> methods = Arrays.stream(route.methods())
					.map(RequestMethod::name)
					.collect(Collectors.toCollection(LinkedHashSet::new));
				// The Connect Webview page answers browsers in HTML by design; its own
				// tests cover it.
				info.getPatternValues()
					.stream()
					.filter((path) -> !path.equals("/connect_webviews/view"))
					.forEach((path) -> this.routes.add(new Route(path, methods)));
			}
		});
		this.routes.add(new Route("/client_sessions/no_such_route", Set.of("GET")));
		assertThat(this.routes).as("routes found in the handler mapping").hasSizeGreaterThan(20);
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		QUIET_LOGGERS.forEach((name, level) -> {
			LoggerConfiguration configuration = logging.getLoggerConfiguration(name);
			this.configuredLevels.put(name,
					Optional.ofNullable(configuration).map(LoggerConfiguration::getConfiguredLevel));
			logging.setLogLevel(name, level);
		});
	}

	@AfterEach
	void restoreLogLevelsAndReport(TestInfo test) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		this.configuredLevels.forEach((name, level) -> logging.setLogLevel(name, level.orElse(null)));
		System.out.printf("%s: %d tries, statuses %s%n", test.getDisplayName(), this.tries.get(), this.statuses);
	}

	// ---------------------------------------------------------------- properties

	/**
	 * JSON bodies of any shape: every JSON type in every known parameter, unknown ones,
	 * duplicates, huge values.
	 */
	@Test
	void jsonBodyWhateverItHoldsThenEnvelope() {
		int tries = 200;
		theory(tries).forAll(targets(), credentials(), jsonObjects().describedAs(HostileInputPropertyTests::abbreviate))
			.checkAssert((target, credential, body) -> {
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				check(target.method(), target.path(), credential.plus("Content-Type", "application/json"), bytes,
						bytes.length, false);
			});
		assertThat(this.tries.get()).as("tries").isEqualTo(tries);
	}

	/**
	 * Query strings of any shape: hostile values, bad percent-encoding, dotted and
	 * bracket keys, absurd values.
	 */
	@Test
	void queryStringWhateverItHoldsThenEnvelope() {
		int tries = 200;
		theory(tries).forAll(targets(), credentials(), queries().describedAs(HostileInputPropertyTests::abbreviate))
			.checkAssert((target, credential, query) -> check(target.method(), target.path() + "?" + query, credential,
					new byte[0], -1, false));
		assertThat(this.tries.get()).as("tries").isEqualTo(tries);
	}

	/**
	 * Bodies that are not what they claim: wrong content types, invalid UTF-8, truncated,
	 * too deep, too big.
	 */
	@Test
	void bodyBytesWhateverTheirFormThenEnvelope() {
		int tries = 150;
		Gen<Target> routeAndBodyMethod = Generate.pick(this.routes)
			.zip(Generate.pick(List.of("POST", "PUT", "PATCH", "DELETE")),
					(route, method) -> new Target(route.path(), method));
		theory(tries).forAll(routeAndBodyMethod, credentials(), contentTypes(), rawBodies())
			.checkAssert((target, credential, contentType, body) -> {
				Headers headers = contentType.isEmpty() ? credential : credential.plus("Content-Type", contentType);
				long declared = body.truncated() ? body.bytes().length + 1 + body.bytes().length / 2
						: body.bytes().length;
				check(target.method(), target.path(), headers, body.bytes(), declared, body.truncated());
			});
		assertThat(this.tries.get()).as("tries").isEqualTo(tries);
	}

	/**
	 * Request lines and headers Tomcat or Spring Security refuse before any route runs.
	 */
	@Test
	void requestLineWhateverItHoldsThenEnvelope() {
		int tries = 150;
		theory(tries).forAll(targets(), credentials(), pathMutations(), hostileHeaders())
			.checkAssert((target, credential, mutation, extraHeaders) -> check(target.method(),
					mutate(target.path(), mutation), credential.plus(extraHeaders), new byte[0], -1, false));
		assertThat(this.tries.get()).as("tries").isEqualTo(tries);
	}

	// ---------------------------------------------------------------- the check

	/**
	 * QuickTheories with room for {@code tries} distinct inputs. It skips an input it has
	 * already generated (one or two per run, at the boundaries) but counts it as an
	 * example, so it is asked for a tenth more examples than the budget; {@link #check}
	 * sends the first {@code tries} and lets the surplus pass unsent.
	 */
	private QuickTheory theory(int tries) {
		this.budget = tries;
		return qt().withExamples(tries + tries / 10).withShrinkCycles(SHRINK_CYCLES);
	}

	private void check(String method, String target, Headers headers, byte[] body, long declaredLength,
			boolean truncated) {
		if (this.tries.get() >= this.budget && !this.failed) {
			return;
		}
		this.tries.incrementAndGet();
		try {
			send(method, target, headers, body, declaredLength, truncated);
		}
		catch (AssertionError | RuntimeException ex) {
			// From here on QuickTheories shrinks: every smaller candidate is sent,
			// whatever the budget.
			this.failed = true;
			throw ex;
		}
	}

	private void send(String method, String target, Headers headers, byte[] body, long declaredLength,
			boolean truncated) {
		String before = snapshot();
		RawHttp.Response response;
		try {
			response = RawHttp.send(this.port, TIMEOUT_MILLIS, method, target, headers.lines(), body, declaredLength,
					truncated);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("No response within " + TIMEOUT_MILLIS + " ms", ex);
		}
		catch (IOException ex) {
			throw new AssertionError("Connection failed: " + ex, ex);
		}
		this.statuses.merge(response.status(), 1, Integer::sum);
		String context = method + " " + abbreviate(target) + " -> " + response.status() + " "
				+ abbreviate(response.bodyText());
		assertThat(response.status()).as(context).isLessThan(500);
		assertThat(response.status() == 200 || (response.status() >= 400 && response.status() < 500))
			.as("200 or 4xx: " + context)
			.isTrue();
		assertThat(response.header(RequestIdFilter.HEADER)).as("seam-request-id: " + context).startsWith("request_");
		if (method.equals("HEAD") || method.equals("OPTIONS")) {
			// No body by definition (OPTIONS is answered empty); status and header are
			// what there is.
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
				// A valid write (a session created, revoked...): start the next try from
				// the seed again.
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

	private String snapshot() {
		return String.join("\n", this.jdbc.queryForList(this.snapshotSql, String.class));
	}

	private void reset() {
		try {
			RawHttp.Response response = RawHttp.send(this.port, TIMEOUT_MILLIS, "POST", "/_sandbox/reset", List.of(),
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

	@SafeVarargs
	private static <T> Gen<T> weighted(Pair<Integer, Gen<T>>... choices) {
		return Generate.frequency(Arrays.asList(choices));
	}

	@SafeVarargs
	private static <T> Gen<T> anyOf(T... values) {
		return Generate.pick(Arrays.asList(values));
	}

	/**
	 * Strings of up to {@code max} UTF-16 code units from the whole range, lone
	 * surrogates included.
	 */
	private static Gen<String> anyChars(int max) {
		return strings().betweenCodePoints(Character.MIN_VALUE, Character.MAX_VALUE).ofLengthBetween(0, max);
	}

	private Gen<Target> targets() {
		return Generate.pick(this.routes)
			.flatMap((route) -> HostileInputPropertyTests
				.<String>weighted(Pair.of(6, Generate.pick(List.copyOf(route.methods()))),
						Pair.of(2, anyOf("GET", "POST", "PUT", "PATCH", "DELETE")),
						Pair.of(1, anyOf("HEAD", "OPTIONS", "TRACE", "FOO", "get")))
				.map((method) -> new Target(route.path(), method)));
	}

	/** Every credential kind of the seed, none, and malformed ones. */
	private static Gen<Headers> credentials() {
		Gen<Headers> seed = Generate.enumValues(Credential.class).map(HostileInputPropertyTests::headersOf);
		Gen<Headers> hostile = headerSafeStrings().map((value) -> header("Authorization", "Bearer " + value));
		Gen<Headers> malformed = anyOf(new Headers(List.of()), header("Authorization", "Bearer seam_cst_unknown"),
				header("client-session-token", "not_a_cst"),
				new Headers(List.<String[]>of(new String[] { "Authorization", "Bearer seam_at1_x_y" },
						new String[] { "seam-workspace", "seed_workspace_1" })),
				header("seam-publishable-key", "seam_pk1_token"),
				new Headers(List.<String[]>of(new String[] { "seam-publishable-key", "seam_pk1_token" },
						new String[] { "seam-user-identifier-key", "u".repeat(1001) })),
				new Headers(List.<String[]>of(new String[] { "Authorization", "Bearer " + ApiTest.API_KEY_1 },
						new String[] { "client-session-token", ApiTest.SEED_CST })),
				header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."));
		Gen<Headers> apiKey = Generate.constant(headersOf(Credential.API_KEY));
		return weighted(Pair.of(5, apiKey), Pair.of(6, seed), Pair.of(1, hostile), Pair.of(2, malformed));
	}

	private static Headers header(String name, String value) {
		return new Headers(List.<String[]>of(new String[] { name, value }));
	}

	private static Headers headersOf(Credential credential) {
		return switch (credential) {
			case API_KEY -> header("Authorization", "Bearer " + ApiTest.API_KEY_1);
			case PERSONAL_ACCESS_TOKEN ->
				header("Authorization", "Bearer " + Credential.PAT).plus("seam-workspace", "seed_workspace_1");
			case CLIENT_SESSION_BEARER -> header("Authorization", "Bearer " + ApiTest.SEED_CST);
			case CLIENT_SESSION_HEADER -> header("client-session-token", ApiTest.SEED_CST);
			case PUBLISHABLE_KEY -> header("seam-publishable-key", "seam_pk1_token").plus("seam-user-identifier-key",
					"john_user_identifier_key");
			case CONSOLE_SESSION -> header("Authorization", "Bearer " + Credential.seedConsoleSessionToken())
				.plus("seam-workspace", "seed_workspace_1");
		};
	}

	/**
	 * Strings without CR and LF (which would end the header), but with anything else a
	 * header can carry.
	 */
	private static Gen<String> headerSafeStrings() {
		return HostileInputPropertyTests
			.<String>weighted(Pair.of(1, anyChars(40)), Pair.of(1, anyOf("seam_cst", "seam_cst\u0000x",
					"seam_pk1_token\u0001", "é😀", "\u202e", " ", "\t", "x".repeat(9000))))
			.map((value) -> value.replace("\r", "").replace("\n", ""));
	}

	private static Gen<Headers> hostileHeaders() {
		return anyOf(new Headers(List.of()), header("seam-workspace", "ws\u0000"),
				header("seam-user-identifier-key", "é\u0001"), header("X-Forwarded-For", "%zz"),
				header("Content-Type", "application/json; charset=x-unknown"),
				header("Transfer-Encoding", "chunked, identity"), header("X-Long", "y".repeat(10_000)),
				header("Bad Header Name", "x"));
	}

	/**
	 * Strings of every kind a client can send: unicode, NUL, lone surrogates, RTL, emoji,
	 * huge, absurd values.
	 */
	private static Gen<String> hostileStrings() {
		return weighted(Pair.of(4, anyChars(30)),
				Pair.of(2, strings().betweenCodePoints(0x00, 0x1f).ofLengthBetween(0, 4)),
				Pair.of(5,
						anyOf("", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00", "\udbff\udfff", "\u202eevil\u202c",
								"😀", "עברית", "𝕏𝕐", "\ufeff", "\uffff", "%00", "' or 1=1 --", "null", "cst1",
								"seam_cst1_token", "john_connected_account_id", "august_device_1", "connect_webview1",
								"event1", "john_user_identifier_key", "seed_workspace_1", "device.connected",
								"2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z", "+275760-09-13T00:00:00Z",
								"+999999999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
								"9999-12-31T23:59:59.999Z", "2026-02-30T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00",
								"1", "0", "-1", "99999999999999999999", "1e308", "true", "yes", "lock", "august",
								"none", "https://example.com/", "javascript:alert(1)", "a@b.co",
								pageCursor("x", "2020-01-01T00:00:00Z"), pageCursor("x", "+999999999-12-31T23:59:59Z"),
								"AAAA", "!!!not-base64!!!")),
				Pair.of(1, anyOf(HUGE_STRING, "é".repeat(20_000), "😀".repeat(5_000))));
	}

	private static String pageCursor(String fingerprint, String createdAt) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((fingerprint + "\n" + createdAt + "\nid\u0000").getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A JSON object as text, written here so that duplicates, lone surrogates and any
	 * nesting survive.
	 */
	private static Gen<String> jsonObjects() {
		Gen<String> key = weighted(Pair.of(8, Generate.pick(KNOWN_PARAMETERS)),
				Pair.of(1, anyOf("_strict", "custom_metadata_has.foo", "device_ids[]", "__proto__", "constructor", "")),
				Pair.of(1, hostileStrings()));
		Gen<String> member = key.zip(jsonValues(3), (k, v) -> jsonString(k) + ":" + v);
		Gen<String> object = lists().of(member)
			.ofSizeBetween(0, 6)
			.map((members) -> "{" + String.join(",", members) + "}");
		return weighted(Pair.of(12, object),
				Pair.of(1,
						Generate.pick(KNOWN_PARAMETERS)
							.map((name) -> "{" + jsonString(name) + ":" + hugeArray() + "}")),
				Pair.of(1, anyOf("{\"a\":1,\"a\":2}", "{\"user_identifier_key\":\"a\",\"user_identifier_key\":\"b\"}",
						"{\"custom_metadata\":{\"k\":\"v\",\"k\":\"w\"}}", deepArray(10_000), deepObject(10_000),
						"{\"custom_metadata\":" + deepObject(100) + "}", "{\"x\":" + deepArray(63) + "}")));
	}

	private static Gen<String> jsonValues(int depth) {
		Gen<String> scalar = weighted(Pair.of(5, hostileStrings().map(HostileInputPropertyTests::jsonString)),
				Pair.of(1, anyOf("null", "true", "false")),
				Pair.of(1,
						anyOf("0", "-0", "1", "-1", "1.5", "1e309", "-1e309", "123456789012345678901234567890",
								"2147483648", "1E-400", "0.0000001")),
				Pair.of(1, integers().all().map((i) -> Integer.toString(i))));
		if (depth == 0) {
			return scalar;
		}
		Gen<String> array = lists().of(jsonValues(depth - 1))
			.ofSizeBetween(0, 4)
			.map((items) -> "[" + String.join(",", items) + "]");
		Gen<String> object = lists()
			.of(HostileInputPropertyTests.<String>weighted(Pair.of(1, anyChars(6)), Pair.of(1, hostileStrings()))
				.zip(jsonValues(depth - 1), (k, v) -> jsonString(k) + ":" + v))
			.ofSizeBetween(0, 3)
			.map((members) -> "{" + String.join(",", members) + "}");
		return weighted(Pair.of(6, scalar), Pair.of(2, array), Pair.of(1, object));
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

	/**
	 * JSON string literal; surrogates always escaped (a lone one has no UTF-8 form),
	 * other non-ASCII raw.
	 */
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

	private static Gen<String> queries() {
		Gen<String> key = weighted(Pair.of(6, Generate.pick(KNOWN_PARAMETERS)),
				Pair.of(2, Generate.pick(KNOWN_PARAMETERS).map((name) -> name + "[]")),
				Pair.of(1,
						anyOf("custom_metadata_has.foo", "custom_metadata_has.", "a.b.c", "device_ids[0]",
								"device_ids[a]", "_strict", "", "%zz", "%", "k%00", "custom_metadata_has.%00")),
				Pair.of(1, hostileStrings().map(HostileInputPropertyTests::percentEncode)));
		Gen<String> value = weighted(Pair.of(6, hostileStrings().map(HostileInputPropertyTests::percentEncode)),
				Pair.of(2,
						anyOf("%zz", "%", "%0", "%00", "a%00b", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%FF",
								"%F4%90%80%80", "+", "%2B275760-09-13T00:00:00Z", "%2B10000-01-01T00:00:00Z", "a,b,,c",
								",", "99999999999999999999", "-2147483649", "0x10", "1e3", "%E2%80%AE")),
				Pair.of(1, anyOf("id".repeat(5), "a,".repeat(1_200), "z".repeat(3_000))));
		Gen<String> pair = weighted(Pair.of(9, key.zip(value, (k, v) -> k + "=" + v)), Pair.of(1, key));
		return lists().of(pair).ofSizeBetween(0, 6).map((pairs) -> String.join("&", pairs));
	}

	/**
	 * Percent-encodes the UTF-8 bytes of a string (a lone surrogate becomes {@code ?}, as
	 * in any client).
	 */
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

	private static Gen<String> contentTypes() {
		return anyOf("application/json", "application/json; charset=utf-8", "application/json; charset=latin1",
				"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=XyZ",
				"multipart/form-data", "application/xml", "text/xml", "application/octet-stream", "*/*", "garbage", "");
	}

	private static Gen<RawBody> rawBodies() {
		byte[] multipart = ("--XyZ\r\nContent-Disposition: form-data; name=\"user_identifier_key\"\r\n\r\nu1\r\n"
				+ "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.json\"\r\n"
				+ "Content-Type: application/json\r\n\r\n{}\r\n--XyZ--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		List<RawBody> fixed = List.of(new RawBody("empty", new byte[0], false),
				new RawBody("blank", " \r\n\t ".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("form", "user_identifier_key=u1&a=%zz".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("multipart", multipart, false),
				new RawBody("xml", "<?xml version=\"1.0\"?><a>&lt;</a>".getBytes(StandardCharsets.UTF_8), false),
				new RawBody("invalid utf-8 in a string", bytes("{\"user_identifier_key\":\"a", 0xff, 0xfe, "b\"}"),
						false),
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
				new RawBody("too large",
						("{\"a\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), false),
				new RawBody("just under the limit",
						("{\"zz\":\"" + "x".repeat(1024 * 1024 - 12) + "\"}").getBytes(StandardCharsets.UTF_8), false));
		Gen<RawBody> random = Generate
			.byteArrays(Generate.range(0, 64), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
			.map((b) -> new RawBody("random bytes", b, false));
		Gen<RawBody> json = jsonObjects()
			.map((text) -> new RawBody("json", text.getBytes(StandardCharsets.UTF_8), false));
		Gen<RawBody> any = weighted(Pair.of(4, Generate.pick(fixed)), Pair.of(2, random), Pair.of(3, json));
		// One body in six is cut short of its declared Content-Length.
		return any.zip(Generate.range(0, 5),
				(body, truncate) -> (truncate == 0) ? new RawBody(body.label(), body.bytes(), true) : body);
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
	private static Gen<String> pathMutations() {
		return anyOf("none", "%2e%2e", "/./", "/../", ";jsessionid=x", "//", "%2f", "%2F", "%5c", "\\", "%00", "%zz",
				"%", "%25", "%c0%ae", "é", "%e9", "%ff", "\u0001", "\u007f", "|", "{}", "^", "`", "<>", "'\"", "#frag",
				"?%zz", "?a=%", "?a=%00", "?a[b]=c&a.b=c", "?" + "q".repeat(10_000), "/" + "p".repeat(10_000), "*",
				"%20", "?a=b%ZZc", "?=&=&", "?&&&", "?a==b")
			.describedAs(HostileInputPropertyTests::abbreviate);
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
