package dev.emulator.seam.clientsession;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many statements the hot publishable-key call sends to PostgreSQL, counted from the
 * JDBC log lines of the request (each carries its request id): the SDK's
 * {@code fromPublishableKey} calls {@code get_or_create} on every page load, and its key,
 * its workspace and the user's session are read in one statement (BENCHMARKS.md).
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientSessionRoundTripTests extends ApiTest {

	private static final String JDBC = "org.springframework.jdbc.core.JdbcTemplate";

	private static final String HIBERNATE = "org.hibernate.SQL";

	@Autowired
	private LoggingSystem logging;

	@AfterEach
	void quiet() {
		this.logging.setLogLevel(JDBC, null);
		this.logging.setLogLevel(HIBERNATE, null);
	}

	@Test
	void getOrCreateWithPublishableKeyWhenSessionExistsThenOneStatement(CapturedOutput output) {
		String requestId = logged(() -> getOrCreate("john_user_identifier_key"));
		assertThat(statements(output, requestId)).isEqualTo(1);
	}

	@Test
	void getOrCreateWithPublishableKeyWhenNoSessionThenCreatedInOneTransaction(CapturedOutput output) {
		String requestId = logged(() -> getOrCreate("round-trip-new-user"));
		// The key and the miss in one statement; then the per-user lock, the locked
		// lookup, the insert and the answer's read, in one transaction.
		assertThat(statements(output, requestId)).isEqualTo(5);
		String again = logged(() -> getOrCreate("round-trip-new-user"));
		assertThat(statements(output, again)).isEqualTo(1);
	}

	private String logged(java.util.function.Supplier<Response> request) {
		this.logging.setLogLevel(JDBC, LogLevel.DEBUG);
		this.logging.setLogLevel(HIBERNATE, LogLevel.DEBUG);
		try {
			Response response = request.get();
			assertThat(response.statusCode()).isEqualTo(200);
			return response.header("seam-request-id");
		}
		finally {
			quiet();
		}
	}

	private static Response getOrCreate(String userIdentifierKey) {
		return anonymous().header("seam-publishable-key", "seam_pk1_token")
			.body("{\"user_identifier_key\":\"" + userIdentifierKey + "\"}")
			.post("/client_sessions/get_or_create");
	}

	private static long statements(CapturedOutput output, String requestId) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains(requestId))
			.filter((line) -> line.contains("Executing prepared SQL statement") || line.contains("Executing SQL")
					|| line.contains(HIBERNATE))
			.count();
	}

}
