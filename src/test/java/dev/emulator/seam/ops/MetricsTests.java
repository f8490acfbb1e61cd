package dev.emulator.seam.ops;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Operations endpoints: the Prometheus scrape at {@code /actuator/prometheus} (request
 * counts and latencies by route pattern and status, live client sessions, authentication
 * failures by type, the connection pool) and the orchestrator probes, all without a
 * credential.
 */
class MetricsTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry registry;

	@Autowired
	HealthEndpointGroups healthGroups;

	private static String scrape() {
		return RestAssured.given()
			.get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.contentType(startsWith("text/plain"))
			.extract()
			.asString();
	}

	@Test
	void prometheusWhenRoutesCalledThenRequestsAreCountedByRoutePatternAndStatusNeverByRawPath() {
		asWorkspace1().queryParam("client_session_id", "cst1").get("/client_sessions/get").then().statusCode(200);
		asWorkspace1().queryParam("client_session_id", "no_such_session_4711")
			.get("/client_sessions/get")
			.then()
			.statusCode(404);
		anonymous().get("/devices/no_such_route_4711").then().statusCode(404);

		String metrics = scrape();

		assertThat(metrics).containsPattern(
				"http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\"[^}]*uri=\"/client_sessions/get\"[^}]*} [1-9]")
			.containsPattern(
					"http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/client_sessions/get\"[^}]*} [1-9]")
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/client_sessions/get\"")
			.contains("uri=\"NOT_FOUND\"")
			.doesNotContain("no_such_route_4711", "no_such_session_4711", "cst1");
	}

	@Test
	void prometheusWhenScrapedThenActiveSessionsGaugeIsTheDatabaseCountOfLiveSessions() {
		asWorkspace1().body("{\"user_identifier_key\":\"metrics_user\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200);
		long live = this.jdbc
			.sql("select count(*) from client_sessions where revoked_at is null and expires_at > now()")
			.query(Long.class)
			.single();
		assertThat(live).isGreaterThanOrEqualTo(2);

		// The count is kept for up to 5 s.
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(gauge(scrape(), "seam_client_sessions_active")).isEqualTo(live));
	}

	@Test
	void prometheusWhenRequestsRefusedThenAuthFailuresAreCountedByErrorType() {
		double unauthorized = authFailures("unauthorized");
		double notFound = authFailures("client_session_not_found");

		anonymous().get("/devices/list").then().statusCode(401).body("error.type", equalTo("unauthorized"));
		withApiKey("seam_cst1_no_such_token").get("/devices/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("client_session_not_found"));

		assertThat(authFailures("unauthorized")).isEqualTo(unauthorized + 1);
		assertThat(authFailures("client_session_not_found")).isEqualTo(notFound + 1);
		assertThat(scrape()).containsPattern("seam_auth_failures_total\\{[^}]*type=\"unauthorized\"[^}]*} [1-9]")
			.doesNotContain("seam_cst1_no_such_token");
	}

	@Test
	void prometheusWhenScrapedThenConnectionPoolMetricsArePublished() {
		assertThat(scrape()).containsPattern("hikaricp_connections_active\\{[^}]*pool=")
			.containsPattern("hikaricp_connections_max\\{")
			.containsPattern("hikaricp_connections_pending\\{");
	}

	@Test
	void probesWhenUpThenLivenessAndReadinessAnswerUpWithoutCredential() {
		RestAssured.given().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
		RestAssured.given().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"));
		RestAssured.given().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
		// Readiness includes the database: it goes down with it. Liveness does not, so a
		// database outage does not get the server restarted.
		assertThat(this.healthGroups.get("readiness").isMember("db")).isTrue();
		assertThat(this.healthGroups.get("readiness").isMember("readinessState")).isTrue();
		assertThat(this.healthGroups.get("liveness").isMember("db")).isFalse();
	}

	private double authFailures(String type) {
		Counter counter = this.registry.find("seam.auth.failures").tag("type", type).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static double gauge(String metrics, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
		assertThat(matcher.find()).as("%s in the scrape", name).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
