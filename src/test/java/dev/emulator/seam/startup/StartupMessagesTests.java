package dev.emulator.seam.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.SeamEmulatorApplication;
import dev.emulator.seam.support.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the console says when the server starts: the banner (address, Swagger UI,
 * database, seed, admin routes), the API key shown once (also as a JSON line with
 * {@code SEAM_LOG_FORMAT=json}), a configuration error as one line naming the environment
 * variable without the secret's value, and {@code /actuator/info} naming the build.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMessagesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	/**
	 * A test here switched the JVM's logging to JSON; put the text configuration back for
	 * later test classes.
	 */
	@AfterAll
	static void restoreTextLogging() {
		LoggingSystem system = LoggingSystem.get(StartupMessagesTests.class.getClassLoader());
		system.cleanUp();
		system.beforeInitialize();
		system.initialize(new LoggingInitializationContext(new StandardEnvironment()), "classpath:logback-text.xml",
				null);
	}

	@Test
	void startWhenAdminTokenTooShortThenOneLineNamingTheVariableWithoutTheValue(CapturedOutput output) {
		TestDatabase.Connection db = TestDatabase.createDatabase("shortadmin");
		try {
			assertThatThrownBy(() -> start(db, List.of("--SEAM_ADMIN_TOKEN=tiny-Secret9")).close()).isNotNull();
		}
		finally {
			TestDatabase.drop(db);
		}
		assertThat(output.getAll()).doesNotContain("tiny-Secret9");
		assertThat(output.getAll().lines().filter((line) -> line.contains("SEAM_ADMIN_TOKEN"))).singleElement()
			.asString()
			.contains("Invalid configuration: SEAM_ADMIN_TOKEN (emulator.admin-token) must be empty (admin routes off) "
					+ "or at least 16 characters");
	}

	@Test
	void startWhenLifetimeUnreadableThenOneLineNamingTheVariableAndTheValue(CapturedOutput output) {
		TestDatabase.Connection db = TestDatabase.createDatabase("badlifetime");
		try {
			assertThatThrownBy(() -> start(db, List.of("--SEAM_CLIENT_SESSION_LIFETIME=forever")).close()).isNotNull();
		}
		finally {
			TestDatabase.drop(db);
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains("SEAM_CLIENT_SESSION_LIFETIME")))
			.singleElement()
			.asString()
			.contains("SEAM_CLIENT_SESSION_LIFETIME (emulator.client-session-lifetime) = \"forever\" cannot be read "
					+ "as a Duration");
	}

	@Test
	void startWhenReadyThenBannerAndInfoNameTheBuild(CapturedOutput output) {
		TestDatabase.Connection db = TestDatabase.createDatabase("banner");
		try (ConfigurableApplicationContext context = start(db,
				List.of("--SEAM_ADMIN_TOKEN=a-long-enough-admin-token"))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String base = "http://localhost:" + port;
			assertThat(output.getOut()).contains("ready on " + base + " in ")
				.contains("Swagger UI: " + base + "/swagger-ui/")
				.containsPattern("Database: jdbc:postgresql://[^ ?]+ \\(SPRING_DATASOURCE_URL\\)")
				.contains("Seed: off")
				.contains("Admin routes /_admin/*: on")
				.doesNotContain("a-long-enough-admin-token");

			JsonPath info = JsonPath
				.from(RestAssured.given().port(port).get("/actuator/info").then().statusCode(200).extract().asString());
			assertThat(info.getString("build.name")).isEqualTo("seam-emulator");
			assertThat(info.getString("build.version")).isNotBlank();
			assertThat(info.getString("git.commit.id")).matches("[0-9a-f]{7,40}");
		}
		finally {
			TestDatabase.drop(db);
		}
	}

	@Test
	void firstStartWhenJsonLogsThenApiKeyIsOneJsonLine(CapturedOutput output) {
		TestDatabase.Connection db = TestDatabase.createDatabase("jsonkey");
		try (ConfigurableApplicationContext context = start(db, List.of("--SEAM_LOG_FORMAT=json"))) {
			List<Map<String, Object>> keys = new ArrayList<>();
			// Every line the server printed is JSON (the test database's own notice is
			// not the server's).
			for (String line : output.getOut().lines().filter((line) -> !line.startsWith("Tests use")).toList()) {
				assertThat(line).as("every console line is JSON").startsWith("{");
				@SuppressWarnings("unchecked")
				Map<String, Object> json = JSON.readValue(line, Map.class);
				if (json.containsKey("api_key")) {
					keys.add(json);
				}
			}
			assertThat(keys).singleElement().satisfies((line) -> {
				assertThat((String) line.get("api_key")).startsWith("seam_test");
				assertThat(line).containsEntry("level", "WARN").containsKeys("@timestamp", "message");
			});
			assertThat(output.getOut()).contains("\"message\":\"  Admin routes /_admin/*: off");
		}
		finally {
			TestDatabase.drop(db);
		}
	}

	private ConfigurableApplicationContext start(TestDatabase.Connection db, List<String> extraArgs) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
				// Small pools: the test PostgreSQL is shared (max_connections) with the
				// other test contexts.
				"--spring.datasource.hikari.maximum-pool-size=2", "--spring.datasource.hikari.minimum-idle=1",
				"--emulator.data-dir=" + this.dataDir, "--emulator.seed=false", "--emulator.api-key="));
		// Whatever the environment says (a repeated option would be joined, so only when
		// the test sets none).
		if (extraArgs.stream().noneMatch((arg) -> arg.startsWith("--SEAM_ADMIN_TOKEN="))) {
			args.add("--SEAM_ADMIN_TOKEN=");
		}
		args.addAll(extraArgs);
		return new SpringApplicationBuilder(SeamEmulatorApplication.class).run(args.toArray(String[]::new));
	}

}
