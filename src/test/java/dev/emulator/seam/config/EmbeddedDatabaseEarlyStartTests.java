package dev.emulator.seam.config;

import java.nio.file.Path;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.SeamEmulatorApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The embedded PostgreSQL started on its own thread while Spring starts (what {@code main} registers): the
 * application runs on that instance, in the configured data directory; with a datasource URL nothing is started.
 */
class EmbeddedDatabaseEarlyStartTests {

	@TempDir
	Path dataDir;

	@Test
	void startWhenNoDatasourceUrlThenApplicationRunsOnTheEarlyStartedDatabase() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SeamEmulatorApplication.class)
			.listeners(new EmbeddedDatabaseEarlyStart())
			.run("--server.port=0", "--spring.datasource.url=", "--emulator.data-dir=" + this.dataDir,
					"--emulator.seed=true", "--emulator.api-key=", "--SEAM_ADMIN_TOKEN=")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RestAssured.given().port(port).get("/health").then().statusCode(200).body("ok", equalTo(true));
			RestAssured.given()
				.port(port)
				.header("Authorization", "Bearer seam_cst1_token")
				.get("/client_sessions/get")
				.then()
				.statusCode(200)
				.body("client_session.client_session_id", equalTo("cst1"));
		}
		assertThat(this.dataDir.resolve("postgres/PG_VERSION")).isRegularFile();
	}

	@Test
	void environmentWhenDatasourceUrlSetThenNothingStarted() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/elsewhere")
			.withProperty("emulator.data-dir", this.dataDir.toString());
		new EmbeddedDatabaseEarlyStart().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
				new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
		assertThat(this.dataDir.resolve("postgres")).doesNotExist();
	}

}
