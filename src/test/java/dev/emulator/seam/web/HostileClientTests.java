package dev.emulator.seam.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.emulator.seam.support.ApiTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a client that does not play by the rules sends, byte for byte on its own socket: a
 * forged {@code Host}, a personal access token with a wrong short part, an HTTP/0.9
 * request line, framing a proxy could read differently (a folded header line, both
 * {@code Transfer-Encoding} and {@code Content-Length}), a body that never finishes, a
 * credential in a header line Tomcat refuses, sandbox calls from another machine.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileClientTests extends ApiTest {

	// BEHAVIOUR 8.3: the refusal says what was refused, and quotes no header value.
	private static final String BOTH_FRAMINGS = "The request has both Transfer-Encoding and Content-Length; send one";

	private static final String FOLDED_LINE = "A header line starts with a space or a tab (obsolete line folding); "
			+ "send each header on one line";

	private static final String MALFORMED = "The request line, query string, headers or body are malformed";

	@Autowired
	JdbcClient jdbc;

	@Test
	void createWebviewWhenHostHeaderForgedThenUrlOnThisServer() throws IOException {
		String response = raw(InetAddress.getLoopbackAddress(), """
				POST /connect_webviews/create HTTP/1.1\r
				Host: evil.example\r
				Authorization: Bearer seam_apikey1_token\r
				Content-Type: application/json\r
				Content-Length: 2\r
				Connection: close\r
				\r
				{}""");
		assertThat(status(response)).isEqualTo(200);
		String url = JsonPath.from(body(response)).getString("connect_webview.url");
		assertThat(url).startsWith("http://localhost:" + this.port + "/").doesNotContain("evil");
	}

	@Test
	void listWhenHostHeaderForgedThenNextPageUrlOnThisServer() throws IOException {
		String response = raw(InetAddress.getLoopbackAddress(), """
				GET /devices/list?limit=1 HTTP/1.1\r
				Host: evil.example:666\r
				Authorization: Bearer seam_apikey1_token\r
				Connection: close\r
				\r
				""");
		assertThat(status(response)).isEqualTo(200);
		String next = JsonPath.from(body(response)).getString("pagination.next_page_url");
		assertThat(next).startsWith("http://localhost:" + this.port + "/devices/list?").doesNotContain("evil");
	}

	@Test
	void personalAccessTokenWhenShortPartWrongThenUnauthorized() {
		anonymous().header("Authorization", "Bearer seam_at1_WRONGSHORT_longtoken")
			.header("seam-workspace", "seed_workspace_1")
			.get("/workspaces/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		anonymous().header("Authorization", "Bearer seam_at1_shorttoken_longtoken")
			.header("seam-workspace", "seed_workspace_1")
			.get("/workspaces/get")
			.then()
			.statusCode(200);
	}

	@Test
	void eventsListWhenLimitAboveFiveHundredThenInvalidInput() {
		withApiKey(API_KEY_1).get("/events/list?since=2000-01-01T00:00:00Z&limit=2147483647")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		withApiKey(API_KEY_1).get("/events/list?since=2000-01-01T00:00:00Z&limit=500").then().statusCode(200);
	}

	@Test
	void createWhenBodyHasOverlongUtf8ThenInvalidInputAndNothingStored() throws IOException {
		byte[] body = "{\"user_identifier_key\":\"a\u0000b\"}".getBytes(StandardCharsets.ISO_8859_1);
		// \xC0\xAF, the overlong form of '/', where the NUL stands.
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (byte b : body) {
			if (b == 0) {
				bytes.write(0xC0);
				bytes.write(0xAF);
			}
			else {
				bytes.write(b);
			}
		}
		String response = raw(InetAddress.getLoopbackAddress(), ("PUT /client_sessions/create HTTP/1.1\r\n"
				+ "Host: 127.0.0.1\r\nAuthorization: Bearer seam_apikey1_token\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + bytes.size() + "\r\nConnection: close\r\n\r\n"), bytes.toByteArray());
		assertThat(status(response)).isEqualTo(400);
		assertThat(JsonPath.from(body(response)).getString("error.type")).isEqualTo("invalid_input");
		withApiKey(API_KEY_1).get("/client_sessions/list")
			.then()
			.statusCode(200)
			.body("client_sessions.findAll { it.user_identifier_key?.startsWith('a') }.size()", equalTo(0));
	}

	@Test
	void requestWhenHttp09ThenConnectionClosedUnanswered() throws IOException {
		// BEHAVIOUR 8.3: no status line to answer with, so no answer; the route never
		// runs.
		for (String target : new String[] { "/health", "/client_sessions/list", "/_fake/default_seed" }) {
			assertThat(raw(InetAddress.getLoopbackAddress(), "GET " + target + "\r\n\r\n")).as(target).isEmpty();
		}
	}

	@Test
	void createWhenTransferEncodingAndContentLengthThenBadRequestAndNothingStored() throws IOException {
		String body = "{\"user_identifier_key\":\"smuggled-te-cl\"}";
		for (String framing : new String[] { "Transfer-Encoding: chunked\r\nContent-Length: " + body.length(),
				"Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked" }) {
			String response = raw(InetAddress.getLoopbackAddress(), createHead(framing) + chunked(body));
			assertRefusedByTheConnector(response, BOTH_FRAMINGS);
			assertThat(body(response)).as("no header value echoed")
				.doesNotContain("chunked")
				.doesNotContain(Integer.toString(body.length()));
		}
		assertNoSessionFor("smuggled-te-cl");
	}

	@Test
	void createWhenAHeaderIsFoldedThenBadRequestAndNothingStored() throws IOException {
		String body = "{\"user_identifier_key\":\"smuggled-fold\"}";
		Map<String, String> cases = Map.of(
				// an obs-folded Transfer-Encoding beside a Content-Length: which framing
				// wins depends on who reads it; refused at the second framing header,
				// before
				// the fold
				createHead("Content-Length: " + chunked(body).length() + "\r\nTransfer-Encoding:\r\n chunked")
						+ chunked(body),
				BOTH_FRAMINGS, createHead("Transfer-Encoding: identity\r\n\tchunked") + chunked(body), FOLDED_LINE,
				createHead("X-Note: one\r\n two\r\nContent-Length: " + body.length()) + body, FOLDED_LINE);
		for (Map.Entry<String, String> refused : cases.entrySet()) {
			String response = raw(InetAddress.getLoopbackAddress(), refused.getKey());
			assertRefusedByTheConnector(response, refused.getValue());
			assertThat(body(response)).as("no header value echoed").doesNotContain("chunked").doesNotContain("two");
		}
		assertNoSessionFor("smuggled-fold");
	}

	@Test
	void createWhenTransferCodingNotChunkedThenBadRequestAndNothingStored() throws IOException {
		// Tomcat answers 501 for a coding it does not know; the envelope says 400
		// invalid_input, as for any request this server cannot read (BEHAVIOUR 8.3).
		String body = "{\"user_identifier_key\":\"gzip-coded\"}";
		assertRefusedByTheConnector(
				raw(InetAddress.getLoopbackAddress(), createHead("Transfer-Encoding: gzip") + chunked(body)),
				"The request's transfer coding or method is not supported");
		assertNoSessionFor("gzip-coded");
	}

	@Test
	void requestsOnOneConnectionWhenALaterOneIsFoldedThenOnlyThatOneRefused() throws IOException {
		String first = "{\"user_identifier_key\":\"kept-alive-1\"}";
		String second = "{\"user_identifier_key\":\"kept-alive-2\"}";
		// The first body is chunked, so the guard has to follow chunks to find the second
		// request's headers.
		String response = raw(InetAddress.getLoopbackAddress(),
				createHead("Transfer-Encoding: chunked").replace("Connection: close\r\n", "") + chunked(first)
						+ createHead("X-Note: one\r\n two\r\nContent-Length: " + second.length()) + second);
		assertThat(status(response)).as(response).isEqualTo(200);
		int next = response.indexOf("HTTP/1.1 ", 1);
		assertThat(next).as(response).isPositive();
		assertRefusedByTheConnector(response.substring(next), FOLDED_LINE);
		withApiKey(API_KEY_1).get("/client_sessions/list?user_identifier_key=kept-alive-1")
			.then()
			.statusCode(200)
			.body("client_sessions.size()", equalTo(1));
		assertNoSessionFor("kept-alive-2");
	}

	@Test
	void requestsOnOneConnectionWhenTomcatRefusesTheFirstThenItsMessageIsTheGenericOne() throws IOException {
		// A header value with a control character, which Tomcat refuses on its own; the
		// second request, sent in the same packet, is one the guard refuses. The first's
		// 400 must not take the second's message, and the second is never answered.
		String body = "{\"user_identifier_key\":\"refused-together\"}";
		String response = raw(InetAddress.getLoopbackAddress(),
				createHead("X-Note: a\u0001b\r\nContent-Length: " + body.length()).replace("Connection: close\r\n", "")
						+ body + createHead("Transfer-Encoding: chunked\r\nContent-Length: " + body.length())
						+ chunked(body));
		assertRefusedByTheConnector(response, MALFORMED);
		assertThat(response.indexOf("HTTP/1.1 ", 1)).as(response).isNegative();
		assertNoSessionFor("refused-together");
	}

	private static String createHead(String framingHeaders) {
		return "PUT /client_sessions/create HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer seam_apikey1_token\r\n"
				+ "Content-Type: application/json\r\n" + framingHeaders + "\r\nConnection: close\r\n\r\n";
	}

	private static String chunked(String body) {
		return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
	}

	/**
	 * Tomcat's own 400, in Seam's envelope with this message, and the connection closed
	 * after it.
	 */
	private static void assertRefusedByTheConnector(String response, String message) {
		assertThat(status(response)).as(response).isEqualTo(400);
		assertThat(response.toLowerCase()).as(response).contains("connection: close");
		JsonPath error = JsonPath.from(body(response));
		assertThat(error.getString("error.type")).as(response).isEqualTo("invalid_input");
		assertThat(error.getString("error.message")).as(response).isEqualTo(message);
		assertThat(error.getBoolean("ok")).isFalse();
	}

	private static void assertNoSessionFor(String userIdentifierKey) {
		withApiKey(API_KEY_1).get("/client_sessions/list?user_identifier_key=" + userIdentifierKey)
			.then()
			.statusCode(200)
			.body("client_sessions.size()", equalTo(0));
	}

	@Test
	void bodyWhenItDribblesPastTheDeadlineThenRequestTimeoutInTheEnvelope() throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /client_sessions/create HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
					+ "seam_apikey1_token\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			long started = System.nanoTime();
			// One byte every 2 s: never idle for the connector's read timeout, always
			// past the whole-body deadline.
			for (int i = 0; i < 10 && !socket.isInputShutdown(); i++) {
				try {
					Thread.sleep(2000);
					out.write(' ');
					out.flush();
				}
				catch (IOException | InterruptedException ex) {
					break;
				}
				if (socket.getInputStream().available() > 0) {
					break;
				}
			}
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			long seconds = (System.nanoTime() - started) / 1_000_000_000;
			assertThat(status(response)).as(response).isEqualTo(408);
			assertThat(JsonPath.from(body(response)).getString("error.type")).isEqualTo("request_timeout");
			assertThat(JsonPath.from(body(response)).getBoolean("ok")).isFalse();
			assertThat(seconds).isBetween(9L, 16L);
		}
	}

	@Test
	void headerLineRefusedByTomcatWhenItCarriesACredentialThenNotInTheLog(CapturedOutput output) throws IOException {
		raw(InetAddress.getLoopbackAddress(), """
				GET /health HTTP/1.1\r
				Host: 127.0.0.1\r
				seam-admin-token@: opaque-admin-secret-0123456789\r
				seam admin token: second-opaque-secret-9876543210\r
				Connection: close\r
				\r
				""");
		assertThat(output.getAll()).doesNotContain("opaque-admin-secret-0123456789")
			.doesNotContain("second-opaque-secret-9876543210");
	}

	@Test
	void sandboxWhenFromThisMachineThenAnswered() throws IOException {
		String response = raw(InetAddress.getLoopbackAddress(), """
				POST /_sandbox/reset HTTP/1.1\r
				Host: 127.0.0.1\r
				Content-Length: 0\r
				Connection: close\r
				\r
				""");
		assertThat(status(response)).isEqualTo(200);
	}

	@Test
	void sandboxWhenFromAnotherAddressThenForbidden() throws IOException {
		Optional<InetAddress> external = nonLoopbackAddress();
		assumeThat(external).as("a non-loopback address on this machine").isPresent();
		for (String target : new String[] { "/_sandbox/reset", "/_fake/default_seed",
				"/_sandbox/connect_webviews/complete", "/_fake/database", "/_fake/update_action_attempt" }) {
			String response = raw(external.get(),
					"POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n" + "Connection: close\r\n\r\n");
			assertThat(status(response)).as(target).isEqualTo(403);
			assertThat(JsonPath.from(body(response)).getString("error.type")).isEqualTo("forbidden");
		}
	}

	@Test
	void updateActionAttemptWhenFromAnotherAddressThenForbiddenAndTheAttemptUnchanged() throws IOException {
		Optional<InetAddress> external = nonLoopbackAddress();
		assumeThat(external).as("a non-loopback address on this machine").isPresent();
		this.jdbc.sql("""
				insert into action_attempts (action_attempt_id, workspace_id, action_type, status, device_id,
				                             connected_account_id, created_at, completes_at)
				values ('remote_attempt', 'seed_workspace_1', 'UNLOCK_DOOR', 'pending', 'august_device_1',
				        'john_connected_account_id', now(), now() + interval '1 hour')
				""").update();
		String before = storedAttempt();
		byte[] body = "{\"action_attempt_id\":\"remote_attempt\",\"status\":\"success\"}"
			.getBytes(StandardCharsets.UTF_8);

		String response = raw(external.get(), "POST /_fake/update_action_attempt HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n",
				body);

		assertThat(status(response)).isEqualTo(403);
		assertThat(storedAttempt()).isEqualTo(before);
		assertThat(this.jdbc.sql("select properties ->> 'locked' from devices where device_id = 'august_device_1'")
			.query(String.class)
			.single()).isEqualTo("true");
	}

	private String storedAttempt() {
		return this.jdbc.sql("select a::text from action_attempts a where action_attempt_id = 'remote_attempt'")
			.query(String.class)
			.single();
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				for (InetAddress address : Collections.list(network.getInetAddresses())) {
					if (address instanceof Inet4Address) {
						return Optional.of(address);
					}
				}
			}
		}
		return Optional.empty();
	}

	private String raw(InetAddress address, String request) throws IOException {
		return raw(address, request, new byte[0]);
	}

	private String raw(InetAddress address, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket(address, this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			try {
				in.transferTo(response);
			}
			catch (SocketTimeoutException ex) {
				// Whatever arrived is the answer.
			}
			return response.toString(StandardCharsets.UTF_8);
		}
	}

	private static int status(String response) {
		return Integer.parseInt(response.split(" ", 3)[1]);
	}

	/** The body, de-chunked when the response is chunked. */
	private static String body(String response) {
		int start = response.indexOf("\r\n\r\n") + 4;
		String head = response.substring(0, start).toLowerCase();
		String body = response.substring(start);
		if (!head.contains("transfer-encoding: chunked")) {
			return body;
		}
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = body.indexOf("\r\n", at);
			int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return out.toString();
			}
			out.append(body, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

}
