package dev.emulator.seam.web;

import java.util.Collections;
import java.util.List;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.SeamOpenApi;
import dev.emulator.seam.support.TestDatabase;
import dev.emulator.seam.support.TestHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With rate limiting on (tiny limits here), excess requests get 429 per credential;
 * others are unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "emulator.seed=true", "emulator.token-encryption-key=" + ApiTest.TOKEN_ENCRYPTION_KEY,
				"emulator.rate-limit.enabled=true", "emulator.rate-limit.requests-per-second=1",
				"emulator.rate-limit.burst=5" })
class RateLimitTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void port() {
		RestAssured.port = this.port;
	}

	@Test
	void requestsWhenOneCredentialExceedsItsBucketThenTooManyRequestsForItOnly() throws Exception {
		// Sent at once: one by one on a busy machine, the bucket's refill of one a second
		// could keep pace with them.
		List<Response> responses = TestHttp.race(Collections.nCopies(16, () -> get("seam_apikey1_token")));
		int limited = 0;
		Response last = null;
		for (Response response : responses) {
			if (response.statusCode() == 429) {
				limited++;
				last = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
			}
		}
		assertThat(limited).as("requests over the burst of 5").isGreaterThanOrEqualTo(5);
		assertThat(last.getHeader("Retry-After")).isNotNull();
		assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isPositive();
		assertThat(last.jsonPath().getString("error.type")).isEqualTo("too_many_requests");
		assertThat(last.jsonPath().getBoolean("ok")).isFalse();
		// Another credential has its own bucket.
		assertThat(get("seam_apikey2_token").statusCode()).isEqualTo(200);
		// Probes are never limited.
		for (int i = 0; i < 10; i++) {
			assertThat(RestAssured.given().get("/health").statusCode()).isEqualTo(200);
		}
	}

	private static Response get(String apiKey) {
		return RestAssured.given()
			.filter(SeamOpenApi.RESPONSE_VALIDATION)
			.header("Authorization", "Bearer " + apiKey)
			.get("/client_sessions/list");
	}

}
