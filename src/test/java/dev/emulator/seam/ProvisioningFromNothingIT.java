package dev.emulator.seam;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.support.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The "Provisioning" steps of docs/OPERATIONS.md, read from that file and run as written,
 * against a fresh empty database (no seed, no workspace, no key): (1) start with the
 * documented environment, (2) its curl that creates a workspace, (3) its curl that
 * creates a client session with the API key step 2 printed. Step 1 runs the application
 * in this JVM with the documented variables as arguments, on a database of its own on the
 * test PostgreSQL instead of the embedded one.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProvisioningFromNothingIT {

	private static final String DOCS_BASE_URL = "http://localhost:8080";

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	Path dataDir;

	@Test
	void documentedStepsWhenFreshDatabaseThenApiKeyAndWorkingClientSession(CapturedOutput output) throws Exception {
		List<String> commands = documentedProvisioningCommands();
		assertThat(commands).hasSize(3);
		Map<String, String> environment = startCommandEnvironment(commands.get(0));
		assertThat(environment).containsKey("SEAM_ADMIN_TOKEN");

		TestDatabase.Connection db = TestDatabase.createDatabase("fresh");
		try {
			List<String> args = new ArrayList<>();
			environment.forEach((name, value) -> args.add("--" + name + "=" + value));
			try (ConfigurableApplicationContext context = start(db, args)) {
				JdbcClient jdbc = jdbc(db);
				// With the admin token nothing is generated at first start: the database
				// is still empty.
				assertThat(jdbc.sql("select count(*) from workspaces").query(Integer.class).single()).isZero();
				assertThat(output.getOut()).doesNotContain("shown once");

				HttpResponse<String> created = curl(commands.get(1), port(context), null);
				assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
				JsonPath workspace = JsonPath.from(created.body());
				assertThat(workspace.getBoolean("ok")).isTrue();
				String apiKey = workspace.getString("api_key.token");
				assertThat(apiKey).startsWith("seam_test");

				HttpResponse<String> session = curl(commands.get(2), port(context), workspace);
				assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
				JsonPath clientSession = JsonPath.from(session.body());
				assertThat(clientSession.getString("client_session.workspace_id"))
					.isEqualTo(workspace.getString("workspace.workspace_id"));
				String token = clientSession.getString("client_session.token");
				assertThat(token).startsWith("seam_cst");

				// The client session token works, and the key was stored as a hash only.
				RestAssured.given()
					.port(port(context))
					.header("Authorization", "Bearer " + token)
					.get("/client_sessions/get")
					.then()
					.statusCode(200)
					.body("client_session.client_session_id",
							equalTo(clientSession.getString("client_session.client_session_id")));
				assertThat(jdbc.sql("select cast(k.* as text) from api_keys k").query(String.class).list()).hasSize(1)
					.noneMatch((row) -> row.contains(apiKey));
				assertThat(output.getOut()).doesNotContain(apiKey);
			}
		}
		finally {
			TestDatabase.drop(db);
		}
	}

	@Test
	void adminRoutesWhenNoAdminTokenThenNotFound() {
		TestDatabase.Connection db = TestDatabase.createDatabase("noadmin");
		try (ConfigurableApplicationContext context = start(db, List.of("--SEAM_ADMIN_TOKEN="))) {
			for (String path : new String[] { "/_admin/workspaces/create", "/_admin/workspaces/list",
					"/_admin/api_keys/rotate" }) {
				for (String token : new String[] { "", "anything-at-all-1234" }) {
					RestAssured.given()
						.port(port(context))
						.contentType(ContentType.JSON)
						.header("seam-admin-token", token)
						.body("{\"name\":\"x\"}")
						.post(path)
						.then()
						.statusCode(404)
						.body("ok", equalTo(false))
						.body("error.type", equalTo("not_found"));
				}
			}
		}
		finally {
			TestDatabase.drop(db);
		}
	}

	@Test
	void startWhenAdminTokenTooShortThenRefusesToStart() {
		TestDatabase.Connection db = TestDatabase.createDatabase("shortadmin");
		try {
			assertThatThrownBy(() -> start(db, List.of("--SEAM_ADMIN_TOKEN=short")).close())
				.hasStackTraceContaining("at least 16 characters");
		}
		finally {
			TestDatabase.drop(db);
		}
	}

	/**
	 * The commands of the Provisioning code block of docs/OPERATIONS.md: continuation
	 * lines joined, comments dropped.
	 */
	static List<String> documentedProvisioningCommands() throws IOException {
		String operations = Files.readString(Path.of("docs", "OPERATIONS.md"));
		String section = operations.substring(operations.indexOf("\n## Provisioning\n"));
		section = section.substring(0, section.indexOf("\n## ", 1));
		String block = section.substring(section.indexOf("```sh\n") + 6);
		block = block.substring(0, block.indexOf("```"));
		List<String> commands = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : block.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			commands.add(current.append(trimmed).toString());
			current.setLength(0);
		}
		return commands;
	}

	/** {@code NAME=value ... ./mvnw spring-boot:run}: the variables. */
	private static Map<String, String> startCommandEnvironment(String command) {
		assertThat(command).matches(".*\\./mvnw (-Dmaven\\.test\\.skip )?spring-boot:run");
		Map<String, String> environment = new LinkedHashMap<>();
		for (String word : command.substring(0, command.indexOf("./mvnw")).trim().split("\\s+")) {
			environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
		}
		return environment;
	}

	/**
	 * Runs a documented {@code curl -s -X METHOD URL -H '...' -d '...'} against the
	 * server on {@code port}. A placeholder {@code <a.b>} is the value at that path in
	 * the previous answer.
	 */
	private static HttpResponse<String> curl(String command, int port, JsonPath previous) throws Exception {
		if (previous != null) {
			Matcher placeholder = Pattern.compile("<([a-z_.]+)>").matcher(command);
			StringBuilder replaced = new StringBuilder();
			while (placeholder.find()) {
				placeholder.appendReplacement(replaced,
						Matcher.quoteReplacement(previous.getString(placeholder.group(1))));
			}
			command = placeholder.appendTail(replaced).toString();
		}
		assertThat(command).startsWith("curl -s -X ").doesNotContain("<");
		Matcher target = Pattern.compile("-X (\\S+) (\\S+)").matcher(command);
		assertThat(target.find()).isTrue();
		assertThat(target.group(2)).startsWith(DOCS_BASE_URL);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + target.group(2).substring(DOCS_BASE_URL.length())));
		Matcher header = Pattern.compile("-H '([^':]+): ([^']*)'").matcher(command);
		while (header.find()) {
			request.header(header.group(1), header.group(2));
		}
		Matcher data = Pattern.compile("-d '([^']*)'").matcher(command);
		HttpRequest.BodyPublisher body = data.find() ? HttpRequest.BodyPublishers.ofString(data.group(1))
				: HttpRequest.BodyPublishers.noBody();
		return http.send(request.method(target.group(1), body).build(), HttpResponse.BodyHandlers.ofString());
	}

	private ConfigurableApplicationContext start(TestDatabase.Connection db, List<String> extraArgs) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
				// Small pools: the test PostgreSQL is shared (max_connections) with the
				// other test contexts.
				"--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1",
				"--emulator.data-dir=" + this.dataDir,
				// Whatever the environment says: no seed, no configured key.
				"--emulator.seed=false", "--emulator.api-key="));
		args.addAll(extraArgs);
		return new SpringApplicationBuilder(SeamEmulatorApplication.class).run(args.toArray(String[]::new));
	}

	private static JdbcClient jdbc(TestDatabase.Connection db) {
		return JdbcClient.create(new DriverManagerDataSource(db.url(), db.username(), db.password()));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
