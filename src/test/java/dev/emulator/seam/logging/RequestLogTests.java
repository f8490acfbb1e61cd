package dev.emulator.seam.logging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.emulator.seam.support.ApiTest;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the default text format, with logger {@code seam.request} at INFO, every request
 * leaves one line with route, method, status, duration, credential kind and workspace;
 * and no credential sent in the query string, a header or the body reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests extends ApiTest {

	@BeforeEach
	void requestLogOn() {
		RequestLogLevel.info();
	}

	@AfterEach
	void requestLogAsConfigured() {
		RequestLogLevel.configured();
	}

	@Test
	void requestWhenLoggerAsConfiguredThenOnlyServerErrorsAreLogged(CapturedOutput output) {
		RequestLogLevel.configured();
		assertThat(LoggingSystem.get(getClass().getClassLoader())
			.getLoggerConfiguration(RequestLogFilter.LOGGER)
			.getEffectiveLevel()).isEqualTo(LogLevel.WARN);
		String requestId = asWorkspace1().queryParam("client_session_id", "cst1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.extract()
			.header("seam-request-id");

		assertThat(output.getOut()).doesNotContain(requestId);
	}

	@Test
	void requestWhenAuthenticatedThenOneLineWithRouteStatusCredentialKindAndWorkspace(CapturedOutput output) {
		String requestId = asWorkspace1().queryParam("client_session_id", "cst1")
			.get("/client_sessions/get")
			.then()
			.statusCode(200)
			.extract()
			.header("seam-request-id");

		assertThat(output.getOut().lines().filter((line) -> line.contains(requestId) && line.contains("seam.request")))
			.singleElement()
			.satisfies((line) -> assertThat(line).doesNotStartWith("{")
				.contains("GET /client_sessions/get 200 ", " ms", "route=/client_sessions/get", "credential=api_key",
						"workspace_id=seed_workspace_1"));
	}

	@Test
	void requestWhenTokensInQueryHeaderAndBodyThenNoTokenInTheLog(CapturedOutput output) {
		// Query string: a client session token where the id goes, and an API key in an
		// unknown parameter.
		asWorkspace1().queryParam("client_session_id", "seam_cst1_token")
			.queryParam("api_key", "seam_apikey2_token")
			.get("/client_sessions/get")
			.then()
			.statusCode(404);
		// Headers: a bearer API key that does not exist, and a client session token
		// header.
		withApiKey("seam_apikey9_doesnotexist").get("/devices/list").then().statusCode(401);
		anonymous().header("client-session-token", "seam_cst1_token").get("/devices/list").then().statusCode(200);
		// Body: tokens in known and unknown members, in valid and invalid JSON.
		asWorkspace1().body("{\"client_session_id\":\"seam_cst1_token\",\"token\":\"seam_apikey1_token\"}")
			.post("/client_sessions/get")
			.then()
			.statusCode(404);
		asWorkspace1().body("{\"user_identifier_key\": seam_cst1_token}")
			.post("/client_sessions/create")
			.then()
			.statusCode(400);

		assertThat(output.getAll()).contains("seam.request")
			.doesNotContain("seam_cst1_token", "seam_apikey1_token", "seam_apikey2_token", "seam_apikey9_doesnotexist");
	}

}
