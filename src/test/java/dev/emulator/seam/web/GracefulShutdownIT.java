package dev.emulator.seam.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.support.ServerProcess.Database;
import dev.emulator.seam.support.ServerProcess;
import dev.emulator.seam.support.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown ({@code server.shutdown: graceful}) of the server as its own JVM
 * ({@link ServerProcess}): on SIGTERM, requests already being handled complete with 200
 * and are stored, new connections are refused, the process waits for them and then exits
 * on its own with 143 (terminated by SIGTERM, after the JVM's orderly shutdown), having
 * closed the connection pool. The in-flight requests are slow uploads: creates whose
 * headers arrived before the SIGTERM and whose bodies arrive after it. A burst of creates
 * sent just before the SIGTERM may be accepted or turned away, but never half-served: a
 * create is stored if and only if its caller got 200.
 */
class GracefulShutdownIT {

	private static final int SLOW_UPLOADS = 4;

	private static final int BURST = 24;

	private static final HttpClient http = TestHttp.client(Duration.ofSeconds(5));

	@TempDir
	Path dir;

	@Test
	void sigtermWhenRequestsInFlightThenTheyCompleteAndProcessExitsCleanly() throws Exception {
		try (Database db = Database.create("shutdown"); ServerProcess server = ServerProcess.start(db, this.dir)) {
			List<SlowUpload> uploads = new ArrayList<>();
			for (int i = 0; i < SLOW_UPLOADS; i++) {
				uploads.add(SlowUpload.begin(server, "shutdown_slow_" + i));
			}
			// Headers are in: the server has handed each to a request thread, now blocked
			// reading the body.
			Thread.sleep(1500);
			List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
			for (int i = 0; i < BURST; i++) {
				burst.add(http.sendAsync(create(server, "shutdown_burst_" + i), HttpResponse.BodyHandlers.ofString()));
			}
			Thread.sleep(50);

			server.terminate();

			// The server waits for the uploads: still running a second later, and taking
			// no new connections.
			assertThat(server.awaitExit(Duration.ofSeconds(1))).as("exited while requests were in flight").isEmpty();
			assertThat(newRequestOutcome(server)).isNotEqualTo("200");
			for (SlowUpload upload : uploads) {
				upload.finish();
			}
			for (SlowUpload upload : uploads) {
				String response = upload.response();
				assertThat(response).as(response).startsWith("HTTP/1.1 200");
				assertThat(response).contains(upload.key());
			}

			OptionalInt exit = server.awaitExit(Duration.ofSeconds(30));
			assertThat(exit).as("exited within 30 s of SIGTERM").isPresent();
			assertThat(exit.getAsInt()).as("exit code: 128 + SIGTERM, the JVM's normal end on SIGTERM").isEqualTo(143);

			String output = server.output();
			String shutdown = output.substring(output.indexOf("Commencing graceful shutdown"));
			assertThat(shutdown).contains("Graceful shutdown complete")
				.containsPattern("HikariPool-\\d+ - Shutdown completed")
				.doesNotContain(" ERROR ")
				.doesNotContain("Exception");

			// Stored: every slow upload, and exactly the burst creates that were answered
			// 200.
			for (SlowUpload upload : uploads) {
				assertThat(storedWithKey(db, upload.key())).as(upload.key()).isEqualTo(1);
			}
			int answered200 = 0;
			for (int i = 0; i < BURST; i++) {
				String key = "shutdown_burst_" + i;
				String outcome = outcome(burst.get(i));
				int stored = storedWithKey(db, key);
				if (outcome.equals("200")) {
					answered200++;
					assertThat(stored).as("%s answered 200", key).isEqualTo(1);
				}
				else {
					// Turned away before it was read: 503 from the paused connector, or
					// the connection refused/closed.
					assertThat(outcome).as(key).matches("503|IOException.*");
					assertThat(stored).as("%s answered %s", key, outcome).isZero();
				}
			}
			System.out.printf("GracefulShutdownIT: %d slow uploads completed, burst %d/%d answered 200%n", SLOW_UPLOADS,
					answered200, BURST);
		}
	}

	private static HttpRequest create(ServerProcess server, String key) {
		return HttpRequest.newBuilder(server.uri("/client_sessions/create"))
			.PUT(HttpRequest.BodyPublishers.ofString(createBody(key)))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer seam_apikey1_token")
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private static String createBody(String key) {
		return "{\"user_identifier_key\":\"" + key + "\",\"connected_account_ids\":[\"john_connected_account_id\"]}";
	}

	private static String newRequestOutcome(ServerProcess server) throws InterruptedException {
		try {
			// A client of its own: a new connection, not one of the burst's kept alive.
			HttpClient fresh = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			return Integer.toString(
					fresh
						.send(HttpRequest.newBuilder(server.uri("/health")).timeout(Duration.ofSeconds(5)).build(),
								HttpResponse.BodyHandlers.discarding())
						.statusCode());
		}
		catch (IOException ex) {
			return "IOException";
		}
	}

	private static String outcome(CompletableFuture<HttpResponse<String>> response) throws InterruptedException {
		try {
			return Integer.toString(response.get(30, TimeUnit.SECONDS).statusCode());
		}
		catch (ExecutionException ex) {
			return "IOException " + ex.getCause();
		}
		catch (TimeoutException ex) {
			return "no answer within 30 s";
		}
	}

	private static int storedWithKey(Database db, String key) throws Exception {
		return Integer.parseInt(db.query("select count(*) from client_sessions where user_identifier_key = '" + key
				+ "' and token_hash <> '' and token_ciphertext <> ''")
			.get(0));
	}

	/**
	 * A create over a raw socket: headers and half of the body now, the rest on
	 * {@link #finish()}.
	 */
	private record SlowUpload(String key, Socket socket, byte[] body) {

		static SlowUpload begin(ServerProcess server, String key) throws IOException {
			byte[] body = createBody(key).getBytes(StandardCharsets.UTF_8);
			Socket socket = new Socket("127.0.0.1", server.port());
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /client_sessions/create HTTP/1.1\r\n" + "Host: 127.0.0.1:" + server.port() + "\r\n"
					+ "Authorization: Bearer seam_apikey1_token\r\n" + "Content-Type: application/json\r\n"
					+ "Content-Length: " + body.length + "\r\n" + "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body, 0, body.length / 2);
			out.flush();
			return new SlowUpload(key, socket, body);
		}

		void finish() throws IOException {
			OutputStream out = this.socket.getOutputStream();
			out.write(this.body, this.body.length / 2, this.body.length - this.body.length / 2);
			out.flush();
		}

		/** Everything the server sent until it closed the connection. */
		String response() throws IOException {
			try (Socket s = this.socket; InputStream in = s.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}

	}

}
