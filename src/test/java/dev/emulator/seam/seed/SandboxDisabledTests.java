package dev.emulator.seam.seed;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Without the seed the sandbox routes do not exist (BEHAVIOUR 7.2): they answer like any
 * unknown route. Not an {@code ApiTest}, whose set-up calls {@code /_sandbox/reset}; a
 * context of its own on the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "emulator.seed=false", "emulator.token-encryption-key=" + ApiTest.TOKEN_ENCRYPTION_KEY })
class SandboxDisabledTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Test
	void resetWhenSeedDisabledThenNotFound() {
		int workspaces = this.jdbc.sql("select count(*) from workspaces").query(Integer.class).single();

		request().post("/_sandbox/reset")
			.then()
			.statusCode(404)
			.contentType(ContentType.JSON)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("not_found"));

		assertThat(this.jdbc.sql("select count(*) from workspaces").query(Integer.class).single())
			.isEqualTo(workspaces);
	}

	@Test
	void defaultSeedWhenSeedDisabledThenNotFound() {
		for (String method : new String[] { "GET", "POST" }) {
			request().request(method, "/_fake/default_seed")
				.then()
				.statusCode(404)
				.contentType(ContentType.JSON)
				.body("ok", equalTo(false))
				.body("error.type", equalTo("not_found"));
		}
	}

	@Test
	void fakeRoutesOfTheSdkTestsWhenSeedDisabledThenNotFoundAndNothingChanged() {
		String attempts = this.jdbc
			.sql("select coalesce(string_agg(a::text, ',' order by action_attempt_id), '')" + " from action_attempts a")
			.query(String.class)
			.single();

		request().get("/_fake/database").then().statusCode(404).body("error.type", equalTo("not_found"));
		for (String status : new String[] { "pending", "success" }) {
			request().body("{\"action_attempt_id\":\"any\",\"status\":\"" + status + "\"}")
				.post("/_fake/update_action_attempt")
				.then()
				.statusCode(404)
				.body("error.type", equalTo("not_found"));
		}

		assertThat(this.jdbc
			.sql("select coalesce(string_agg(a::text, ',' order by action_attempt_id), '')" + " from action_attempts a")
			.query(String.class)
			.single()).isEqualTo(attempts);
	}

	@Test
	void resetWhenSeedDisabledAndWrongMethodThenStillNotFound() {
		// A route that does not exist has no allowed methods to report: 404, not 405.
		request().get("/_sandbox/reset").then().statusCode(404).body("error.type", equalTo("not_found"));
	}

	// The port is given per request: RestAssured.port is global and ApiTest classes set
	// it to their own server.
	private RequestSpecification request() {
		return RestAssured.given().port(this.port).contentType(ContentType.JSON);
	}

}
