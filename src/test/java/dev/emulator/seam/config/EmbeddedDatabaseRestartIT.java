package dev.emulator.seam.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.SeamEmulatorApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The zero-setup path: no datasource URL, so the real application starts its embedded
 * PostgreSQL under {@code emulator.data-dir}, and what it stored is still there after a
 * restart on the same directory. Each start takes a few seconds (embedded cluster,
 * Flyway, Tomcat), so every test starts the application at most twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseRestartIT {

	private static final Pattern GENERATED_KEY = Pattern.compile("API key \\(shown once[^)]*\\):\\s*(\\S+)");

	@TempDir
	Path dataDir;

	@Test
	void restartWhenSessionCreatedThenSessionAndClusterSurvive() {
		String id;
		String token;
		try (ConfigurableApplicationContext context = start("--emulator.seed=true", "--emulator.api-key=")) {
			var created = request(context).header("Authorization", "Bearer seam_apikey1_token")
				.body("{\"user_identifier_key\":\"restart_user\"}")
				.put("/client_sessions/create")
				.then()
				.statusCode(200)
				.extract()
				.jsonPath();
			id = created.getString("client_session.client_session_id");
			token = created.getString("client_session.token");
		}
		assertThat(this.dataDir.resolve("postgres")).isDirectory();
		assertThat(this.dataDir.resolve("postgres/PG_VERSION")).isRegularFile();
		assertThat(this.dataDir.resolve("postgres/postgresql.conf")).isRegularFile();
		assertThat(this.dataDir.resolve("postgres/base")).isDirectory();

		try (ConfigurableApplicationContext context = start("--emulator.seed=true", "--emulator.api-key=")) {
			request(context).header("Authorization", "Bearer seam_apikey1_token")
				.queryParam("client_session_id", id)
				.get("/client_sessions/get")
				.then()
				.statusCode(200)
				.body("client_session.token", equalTo(token))
				.body("client_session.user_identifier_key", equalTo("restart_user"));
			// The seed was found present, not loaded again over the data.
			request(context).header("Authorization", "Bearer seam_apikey1_token")
				.get("/client_sessions/list")
				.then()
				.statusCode(200)
				.body("client_sessions.size()", equalTo(2));
		}
	}

	@Test
	void startWhenApiKeyGivenWithoutSeedThenThatKeyAuthenticates() {
		try (ConfigurableApplicationContext context = start("--emulator.seed=false",
				"--emulator.api-key=seam_test_mykey_123")) {
			request(context).header("Authorization", "Bearer seam_test_mykey_123")
				.body("{\"user_identifier_key\":\"u1\"}")
				.put("/client_sessions/create")
				.then()
				.statusCode(200)
				.body("ok", equalTo(true));
			request(context).header("Authorization", "Bearer seam_test_unknown_456")
				.body("{\"user_identifier_key\":\"u1\"}")
				.put("/client_sessions/create")
				.then()
				.statusCode(401)
				.body("ok", equalTo(false))
				.body("error.type", equalTo("unauthorized"));
			// No seed: the seed's key is unknown too.
			request(context).header("Authorization", "Bearer seam_apikey1_token")
				.body("{}")
				.put("/client_sessions/create")
				.then()
				.statusCode(401);
		}
	}

	@Test
	void startWhenEmptyDataDirWithoutSeedOrApiKeyThenGeneratedKeyIsPrintedOnceAndWorks(CapturedOutput output) {
		String apiKey;
		try (ConfigurableApplicationContext context = start("--emulator.seed=false", "--emulator.api-key=")) {
			Matcher matcher = GENERATED_KEY.matcher(output.getOut());
			assertThat(matcher.find()).as("generated API key in the log").isTrue();
			apiKey = matcher.group(1);
			assertThat(apiKey).startsWith("seam_test");
			assertThat(matcher.find()).as("printed once").isFalse();
			request(context).header("Authorization", "Bearer " + apiKey)
				.body("{\"user_identifier_key\":\"u1\"}")
				.put("/client_sessions/create")
				.then()
				.statusCode(200);
		}
		int firstRunLength = output.getOut().length();

		try (ConfigurableApplicationContext context = start("--emulator.seed=false", "--emulator.api-key=")) {
			String secondRun = output.getOut().substring(firstRunLength);
			assertThat(secondRun).contains("Started");
			assertThat(secondRun).doesNotContain("shown once").doesNotContain(apiKey);
			// PostgreSQL's own start-up chatter is at DEBUG (docs/ARCHITECTURE.md,
			// Start-up).
			assertThat(secondRun).doesNotContain("database system is ready to accept connections");
			// Only the hash was stored, and that is enough to authenticate after the
			// restart.
			request(context).header("Authorization", "Bearer " + apiKey)
				.body("{\"user_identifier_key\":\"u1\"}")
				.put("/client_sessions/create")
				.then()
				.statusCode(200);
		}
	}

	private ConfigurableApplicationContext start(String... extraArgs) {
		// Run as root, the server runs PostgreSQL as nobody, who must be able to reach
		// the data directory.
		traversable(this.dataDir);
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				// Empty, so that a SPRING_DATASOURCE_URL in the environment cannot switch
				// the embedded database off.
				"--spring.datasource.url=", "--emulator.data-dir=" + this.dataDir));
		args.addAll(List.of(extraArgs));
		return new SpringApplicationBuilder(SeamEmulatorApplication.class).run(args.toArray(String[]::new));
	}

	static void traversable(Path dir) {
		try {
			java.nio.file.Files.setPosixFilePermissions(dir,
					java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static RequestSpecification request(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return RestAssured.given().port(port).contentType(ContentType.JSON);
	}

}
