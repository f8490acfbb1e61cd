package dev.emulator.seam.logging;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code SEAM_LOG_FORMAT=json}: every console line is a JSON object; each request has one
 * with route, method, status, duration, request id, credential kind and workspace as
 * members; no credential appears, whether sent in the query string, a header, the body,
 * or quoted in a message or stack trace.
 * <p>
 * On the shared test context: logging is started again, for this class only, the way the
 * application starts it with {@code SEAM_LOG_FORMAT=json} set (the configuration
 * {@code logging.config} names then, with the application's environment), and put back
 * the same way with the environment as it is.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogTests extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The start of a line in logback-text.xml's format:
	 * {@code 2026-12-01T13:34:27.556Z  INFO [request_…]}.
	 */
	private static final Pattern TEXT_LOG_LINE = Pattern
		.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR) ");

	private int outputBefore;

	@BeforeAll
	static void switchToJsonLogging(@Autowired ConfigurableEnvironment environment) {
		ConfigurableEnvironment json = new AbstractEnvironment() {
		};
		json.getPropertySources().addFirst(new MapPropertySource("jsonLogTests", Map.of("SEAM_LOG_FORMAT", "json")));
		environment.getPropertySources().forEach(json.getPropertySources()::addLast);
		assertThat(json.getProperty("logging.config")).isEqualTo("classpath:logback-json.xml");
		initializeLogging(json);
	}

	@AfterAll
	static void restoreLogging(@Autowired ConfigurableEnvironment environment) {
		initializeLogging(environment);
	}

	private static void initializeLogging(ConfigurableEnvironment environment) {
		LoggingSystem system = LoggingSystem.get(JsonLogTests.class.getClassLoader());
		system.cleanUp();
		system.beforeInitialize();
		system.initialize(new LoggingInitializationContext(environment), environment.getProperty("logging.config"),
				null);
	}

	/**
	 * The output holds everything since the class started, the context's start (in text)
	 * included.
	 */
	@BeforeEach
	void markOutput(CapturedOutput output) {
		this.outputBefore = output.getOut().length();
		RequestLogLevel.info();
	}

	@AfterEach
	void restoreRequestLog() {
		RequestLogLevel.configured();
	}

	@Test
	void requestWhenJsonFormatThenOneJsonLineWithTheRequestFields(CapturedOutput output) {
		String requestId = withApiKey(ApiTest.SEED_CST).get("/devices/list")
			.then()
			.statusCode(200)
			.extract()
			.header("seam-request-id");

		List<Map<String, Object>> lines = jsonLines(output);
		assertThat(lines).filteredOn(
				(line) -> requestId.equals(line.get("request_id")) && "seam.request".equals(line.get("logger_name")))
			.singleElement()
			.satisfies((line) -> assertThat(line).containsEntry("route", "/devices/list")
				.containsEntry("method", "GET")
				.containsEntry("status", 200)
				.containsEntry("credential", "client_session")
				.containsEntry("workspace_id", "seed_workspace_1")
				.containsEntry("level", "INFO")
				.containsKeys("duration_ms", "@timestamp", "message"));
	}

	@Test
	void requestWhenTokensInQueryHeaderBodyAndMessagesThenNoTokenInTheJsonLog(CapturedOutput output) {
		asWorkspace1().queryParam("client_session_id", "seam_cst1_token")
			.get("/client_sessions/get")
			.then()
			.statusCode(404);
		anonymous().header("Authorization", "Bearer seam_apikey2_token").get("/devices/list").then().statusCode(200);
		withApiKey("seam_apikey9_doesnotexist").get("/devices/list").then().statusCode(401);
		asWorkspace1().body("{\"client_session_id\":\"seam_cst1_token\"}")
			.post("/client_sessions/get")
			.then()
			.statusCode(404);
		var log = org.slf4j.LoggerFactory.getLogger("dev.emulator.seam.test");
		log.warn("client sent seam_cst1_token and \"Bearer seam_apikey1_token\"");
		log.error("failure", new IllegalStateException("bad token seam_cst1SecretPart_abcdefghijklmnopqrstuvwx"));

		assertThat(jsonLines(output)).isNotEmpty();
		assertThat(output.getAll()).contains("seam_cst1_tok***", "Bearer ***")
			.doesNotContain("seam_cst1_token", "seam_apikey1_token", "seam_apikey2_token", "seam_apikey9_doesnotexist",
					"SecretPart_abcdefghijklmnopqrstuvwx");
	}

	/**
	 * The log lines written during the test, each parsed as one JSON object. No line may
	 * be in the text format (other output, such as what the test support prints with
	 * {@code System.out}, is left alone).
	 */
	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> jsonLines(CapturedOutput output) {
		String written = output.getOut().substring(this.outputBefore);
		assertThat(written.lines()).noneMatch((line) -> TEXT_LOG_LINE.matcher(line).find());
		return written.lines()
			.filter((line) -> line.startsWith("{"))
			.map((line) -> (Map<String, Object>) JSON.readValue(line, Map.class))
			.toList();
	}

}
