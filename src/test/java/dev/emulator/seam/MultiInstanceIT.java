package dev.emulator.seam;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.TestDatabase;
import dev.emulator.seam.support.TestHttp;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two instances of the server, A and B, as behind a load balancer: two application
 * contexts in this JVM, each with its own port, connection pool and data directory, on
 * one fresh database, started with the same token encryption key. Whatever one instance
 * does is seen by the other on the very next request: nothing a request needs lives in
 * one instance's memory (rate limit buckets do, by design: limits are per instance).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceIT {

	private static final String TOKEN_ENCRYPTION_KEY = "bXVsdGktaW5zdGFuY2UtdGVzdC1rZXktMzItYnl0ZXM=";

	private static final String ADMIN_TOKEN = "multi-instance-admin-token-0123";

	/**
	 * The same SEAM_API_KEY on both instances, created once at start whatever the order.
	 */
	private static final String BOOTSTRAP_API_KEY = "seam_test_shared_bootstrap_key_1";

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private TestDatabase.Connection db;

	private final List<Path> dataDirs = new ArrayList<>();

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private JdbcClient jdbc;

	private String apiKey;

	@BeforeAll
	void startTwoInstances() {
		this.db = TestDatabase.createDatabase("multi");
		this.jdbc = JdbcClient
			.create(new DriverManagerDataSource(this.db.url(), this.db.username(), this.db.password()));
		this.a = start(TOKEN_ENCRYPTION_KEY);
		this.b = start(TOKEN_ENCRYPTION_KEY);
		this.apiKey = admin(this.a).body("{\"name\":\"Shared\"}")
			.post("/_admin/workspaces/create")
			.then()
			.statusCode(200)
			.extract()
			.path("api_key.token");
	}

	@AfterAll
	void stopInstances() throws IOException {
		try {
			if (this.b != null) {
				this.b.close();
			}
			if (this.a != null) {
				this.a.close();
			}
		}
		finally {
			TestDatabase.drop(this.db);
			for (Path dir : this.dataDirs) {
				FileSystemUtils.deleteRecursively(dir);
			}
		}
	}

	@Test
	void sessionWhenCreatedOnAThenReadAndUsedOnBAtOnce() {
		JsonPath created = createSession(this.a, newUserKey());
		String id = created.getString("client_session.client_session_id");
		String token = created.getString("client_session.token");

		// B decrypts the stored token with the shared key...
		withApiKey(this.b).queryParam("client_session_id", id)
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.token", equalTo(token));
		// ...and accepts the token itself.
		withClientSession(this.b, token).get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.client_session_id", equalTo(id));
		withClientSession(this.b, token).get("/devices/list").then().statusCode(200);
	}

	@Test
	void revokeWhenDoneOnBThenRefusedOnAOnTheNextRequest() {
		JsonPath created = createSession(this.a, newUserKey());
		String token = created.getString("client_session.token");
		withClientSession(this.a, token).get("/client_sessions/get").then().statusCode(200);

		withApiKey(this.b).body(Map.of("client_session_id", created.getString("client_session.client_session_id")))
			.post("/client_sessions/revoke")
			.then()
			.statusCode(200);

		for (ConfigurableApplicationContext instance : List.of(this.a, this.b)) {
			withClientSession(instance, token).get("/client_sessions/get")
				.then()
				.statusCode(401)
				.body("error.type", equalTo("client_session_revoked"));
		}
	}

	@Test
	void deleteWhenDoneOnAThenRefusedOnBOnTheNextRequest() {
		JsonPath created = createSession(this.b, newUserKey());
		String token = created.getString("client_session.token");
		withClientSession(this.a, token).get("/client_sessions/get").then().statusCode(200);

		withApiKey(this.a).queryParam("client_session_id", created.getString("client_session.client_session_id"))
			.delete("/client_sessions/delete")
			.then()
			.statusCode(200);

		withClientSession(this.b, token).get("/client_sessions/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("client_session_not_found"));
	}

	@Test
	void getOrCreateWhenRacingOnBothInstancesThenExactlyOneSession() throws Exception {
		String userKey = newUserKey();
		String body = "{\"user_identifier_key\":\"" + userKey + "\"}";
		List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			int port = port((i % 2 == 0) ? this.a : this.b);
			requests.add(() -> http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/client_sessions/get_or_create"))
					.header("Authorization", "Bearer " + this.apiKey)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString()));
		}

		List<HttpResponse<String>> responses = TestHttp.race(requests);

		assertThat(responses)
			.allSatisfy((response) -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
		assertThat(responses.stream()
			.map((response) -> JsonPath.from(response.body()).getString("client_session.client_session_id"))
			.distinct()).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from client_sessions where user_identifier_key = :key")
			.param("key", userKey)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void apiKeyWhenRevokedOrRotatedOnAThenRefusedOnBOnTheNextRequest() {
		String workspaceId = withApiKey(this.a).get("/workspaces/get").then().extract().path("workspace.workspace_id");
		JsonPath issued = admin(this.a).body(Map.of("workspace_id", workspaceId))
			.post("/_admin/api_keys/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		String key = issued.getString("api_key.token");
		withApiKey(this.b, key).get("/client_sessions/list").then().statusCode(200);

		admin(this.a).body(Map.of("api_key_id", issued.getString("api_key.api_key_id")))
			.post("/_admin/api_keys/revoke")
			.then()
			.statusCode(200);
		withApiKey(this.b, key).get("/client_sessions/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));

		// Rotation on B: the old key is refused on A at once, the new one works there.
		JsonPath second = admin(this.a).body(Map.of("workspace_id", workspaceId))
			.post("/_admin/api_keys/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		withApiKey(this.a, second.getString("api_key.token")).get("/client_sessions/list").then().statusCode(200);
		String rotated = admin(this.b).body(Map.of("api_key_id", second.getString("api_key.api_key_id")))
			.post("/_admin/api_keys/rotate")
			.then()
			.statusCode(200)
			.extract()
			.path("api_key.token");
		withApiKey(this.a, second.getString("api_key.token")).get("/client_sessions/list").then().statusCode(401);
		withApiKey(this.a, rotated).get("/client_sessions/list").then().statusCode(200);
	}

	@Test
	void publishableKeyWhenRevokedOnAThenRefusedOnBOnTheNextRequest() {
		JsonPath created = admin(this.a).body("{\"name\":\"Browser\",\"create_api_key\":false}")
			.post("/_admin/workspaces/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		String publishableKey = created.getString("workspace.publishable_key");
		publishableKeyGetOrCreate(this.b, publishableKey).then().statusCode(200);
		String publishableKeyId = admin(this.b)
			.body(Map.of("workspace_id", created.getString("workspace.workspace_id")))
			.post("/_admin/publishable_keys/list")
			.then()
			.extract()
			.path("publishable_keys[0].publishable_key_id");

		admin(this.a).body(Map.of("publishable_key_id", publishableKeyId))
			.post("/_admin/publishable_keys/revoke")
			.then()
			.statusCode(200);

		publishableKeyGetOrCreate(this.b, publishableKey).then()
			.statusCode(401)
			.body("error.type", equalTo("workspace_not_found"));
	}

	@Test
	void bootstrapWhenBothInstancesRunItAtOnceThenTheKeyIsCreatedOnce() throws Exception {
		String hash = Hashes.sha256Hex(BOOTSTRAP_API_KEY);
		ApplicationRunner onA = (ApplicationRunner) this.a.getBean("apiKeyBootstrap");
		ApplicationRunner onB = (ApplicationRunner) this.b.getBean("apiKeyBootstrap");
		for (int round = 0; round < 10; round++) {
			// Back to "no such key yet", as on the first start of both instances.
			this.jdbc
				.sql("delete from workspaces where workspace_id in "
						+ "(select workspace_id from api_keys where token_hash = :hash)")
				.param("hash", hash)
				.update();
			List<Callable<Void>> runs = new ArrayList<>();
			for (ApplicationRunner runner : List.of(onA, onB)) {
				runs.add(() -> {
					runner.run(new DefaultApplicationArguments());
					return null;
				});
			}
			TestHttp.race(runs);
			assertThat(this.jdbc.sql("select count(*) from api_keys where token_hash = :hash")
				.param("hash", hash)
				.query(Integer.class)
				.single()).as("round " + round).isEqualTo(1);
		}
		withApiKey(this.b, BOOTSTRAP_API_KEY).get("/client_sessions/list").then().statusCode(200);
	}

	@Test
	void instanceWhenStartedWithAnotherTokenEncryptionKeyThenRefusesToStart() {
		createSession(this.a, newUserKey());
		assertThatThrownBy(() -> start("YW5vdGhlci1pbnN0YW5jZS1hbm90aGVyLWtleS0zMiE=").close())
			.as("an instance that could not read the tokens the others stored")
			.hasStackTraceContaining("is not the one the stored client session tokens were sealed with");
	}

	private ConfigurableApplicationContext start(String tokenEncryptionKey) {
		Path dataDir;
		try {
			// A data directory per instance, as on separate machines: no key file in
			// common.
			dataDir = Files.createTempDirectory("seam-instance-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.dataDirs.add(dataDir);
		return new SpringApplicationBuilder(SeamEmulatorApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + this.db.url(), "--spring.datasource.username=" + this.db.username(),
				"--spring.datasource.password=" + this.db.password(), "--emulator.data-dir=" + dataDir,
				// Small pools: the test PostgreSQL is shared (max_connections) with the
				// other test contexts.
				"--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1",
				"--emulator.seed=false", "--emulator.api-key=" + BOOTSTRAP_API_KEY, "--SEAM_ADMIN_TOKEN=" + ADMIN_TOKEN,
				"--SEAM_TOKEN_ENCRYPTION_KEY=" + tokenEncryptionKey);
	}

	private JsonPath createSession(ConfigurableApplicationContext instance, String userKey) {
		return withApiKey(instance).body(Map.of("user_identifier_key", userKey))
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
	}

	private RequestSpecification withApiKey(ConfigurableApplicationContext instance) {
		return withApiKey(instance, this.apiKey);
	}

	private static RequestSpecification withApiKey(ConfigurableApplicationContext instance, String key) {
		return request(instance).header("Authorization", "Bearer " + key);
	}

	private static RequestSpecification withClientSession(ConfigurableApplicationContext instance, String token) {
		return request(instance).header("Authorization", "Bearer " + token);
	}

	private static RequestSpecification admin(ConfigurableApplicationContext instance) {
		return request(instance).header("seam-admin-token", ADMIN_TOKEN);
	}

	private static io.restassured.response.Response publishableKeyGetOrCreate(ConfigurableApplicationContext instance,
			String publishableKey) {
		return request(instance).header("seam-publishable-key", publishableKey)
			.body("{\"user_identifier_key\":\"browser-user\"}")
			.post("/client_sessions/get_or_create");
	}

	private static RequestSpecification request(ConfigurableApplicationContext instance) {
		return RestAssured.given().port(port(instance)).contentType(ContentType.JSON);
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static String newUserKey() {
		return "multi-" + UUID.randomUUID();
	}

}
