package dev.emulator.seam.clientsession;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.support.ServerProcess.Database;
import dev.emulator.seam.support.ServerProcess;
import dev.emulator.seam.support.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability across a crash: the server runs as its own JVM ({@link ServerProcess}) under
 * a concurrent create load, is killed with SIGKILL in the middle of it, and is started
 * again on the same database. Every create that was answered 200 before the kill must be
 * there afterwards, complete (same token, user, accounts) and usable (its token
 * authenticates); and nothing half-written may be there: every row that exists, answered
 * or not, is a whole session whose token the API returns and whose stored hash matches
 * it.
 */
class CrashDurabilityIT {

	private static final int WORKERS = 8;

	private static final String ACCOUNT = "john_connected_account_id";

	private static final HttpClient http = TestHttp.client(Duration.ofSeconds(5));

	@TempDir
	Path dir;

	record Ack(String id, String token, String key) {
	}

	@Test
	void createsAnsweredBeforeSigkillWhenRestartedThenAllExistCompleteAndTheirTokensWork() throws Exception {
		try (Database db = Database.create("crash")) {
			Map<String, Ack> acked;
			try (ServerProcess server = ServerProcess.start(db, this.dir)) {
				acked = createUnderLoadThenKill(server, server::kill);
			}

			try (ServerProcess restarted = ServerProcess.start(db, this.dir)) {
				Map<String, Map<String, Object>> listed = assertAllThereAndUsable(restarted, acked);

				// Nothing half-written: every row of the load, answered or not, is a
				// whole session.
				List<String> rows = db.query("""
						select client_session_id || ' ' || user_identifier_key || ' ' || token_hash from client_sessions
						where user_identifier_key like 'crash_%'
						  and token_ciphertext <> '' and token_hash ~ '^[0-9a-f]{64}$'
						  and connected_account_ids = array['john_connected_account_id']
						  and live_user_identifier_key = user_identifier_key and revoked_at is null""");
				assertThat(db.query("select count(*) from client_sessions where user_identifier_key like 'crash_%'"))
					.containsExactly(Integer.toString(rows.size()));
				assertThat(rows.size()).as("rows: the answered creates, plus at most one unanswered per worker")
					.isBetween(acked.size(), acked.size() + WORKERS);
				assertThat(listed.values()
					.stream()
					.filter((session) -> String.valueOf(session.get("user_identifier_key")).startsWith("crash_")))
					.as("sessions of the load the API lists")
					.hasSize(rows.size());
				for (String row : rows) {
					String[] fields = row.split(" ");
					assertThat(listed).containsKey(fields[0]);
					assertThat(sha256((String) listed.get(fields[0]).get("token"))).isEqualTo(fields[2]);
					Ack ack = acked.get(fields[1]);
					if (ack != null) {
						assertThat(fields[0]).isEqualTo(ack.id());
					}
				}
				assertThat(db.query("select count(*) from client_sessions where token_ciphertext = ''"))
					.containsExactly("0");

				// And the restarted server takes new work.
				assertThat(http.send(create(restarted, "crash_after_restart"), HttpResponse.BodyHandlers.ofString())
					.statusCode()).isEqualTo(200);
			}
		}
	}

	/**
	 * The zero-setup mode, killed as a container is: SIGKILL to the JVM, the embedded
	 * postmaster and its backends at once. Only what PostgreSQL had flushed to disk when
	 * it answered survives that, so this fails unless commits are durable (fsync and
	 * synchronous_commit on).
	 */
	@Test
	void createsAnsweredBeforeJavaAndEmbeddedPostgresKilledTogetherWhenRestartedThenAllExistAndTheirTokensWork()
			throws Exception {
		Map<String, Ack> acked;
		try (ServerProcess server = ServerProcess.startEmbedded(this.dir)) {
			assertThat(server.postmasterPid()).as("embedded postmaster running").isPresent();
			acked = createUnderLoadThenKill(server, server::killGroup);
		}
		long restarting = System.nanoTime();
		try (ServerProcess restarted = ServerProcess.startEmbedded(this.dir)) {
			System.out.printf("CrashDurabilityIT: embedded restart after the kill healthy in %d ms%n",
					(System.nanoTime() - restarting) / 1_000_000);
			Map<String, Map<String, Object>> listed = assertAllThereAndUsable(restarted, acked);
			long lost = acked.values().stream().filter((ack) -> !listed.containsKey(ack.id())).count();
			System.out.printf("CrashDurabilityIT: %d of %d answered creates lost%n", lost, acked.size());
			assertThat(listed.values()
				.stream()
				.filter((session) -> String.valueOf(session.get("user_identifier_key")).startsWith("crash_")))
				.as("sessions of the load: the answered creates, plus at most one unanswered per worker")
				.hasSizeBetween(acked.size(), acked.size() + WORKERS);
			assertThat(http.send(create(restarted, "crash_after_restart"), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);
		}
	}

	interface Kill {

		void kill() throws Exception;

	}

	/**
	 * {@value #WORKERS} workers create sessions until {@code kill} cuts them off; the
	 * creates answered 200.
	 */
	private static Map<String, Ack> createUnderLoadThenKill(ServerProcess server, Kill kill) throws Exception {
		Map<String, Ack> acked = new ConcurrentHashMap<>();
		AtomicInteger unanswered = new AtomicInteger();
		List<String> unexpected = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < WORKERS; w++) {
			int worker = w;
			Thread thread = new Thread(() -> {
				for (int n = 0;; n++) {
					String key = "crash_" + worker + "_" + n;
					try {
						HttpResponse<String> response = http.send(create(server, key),
								HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 200) {
							synchronized (unexpected) {
								unexpected.add(response.statusCode() + " " + response.body());
							}
							return;
						}
						JsonPath json = JsonPath.from(response.body());
						acked.put(key, new Ack(json.getString("client_session.client_session_id"),
								json.getString("client_session.token"), key));
					}
					catch (IOException ex) {
						// The server is gone: this create was sent but never answered.
						unanswered.incrementAndGet();
						return;
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			thread.start();
			workers.add(thread);
		}
		// Kill mid-load: after 300 answered creates or 8 s, whichever comes first (but
		// not before 20).
		long started = System.nanoTime();
		while (unexpected.isEmpty() && acked.size() < 300
				&& (System.nanoTime() - started < Duration.ofSeconds(8).toNanos() || acked.size() < 20)
				&& System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
			Thread.sleep(20);
		}
		kill.kill();
		System.out.printf("CrashDurabilityIT: SIGKILL after %d answered creates%n", acked.size());
		for (Thread worker : workers) {
			worker.join(Duration.ofSeconds(30).toMillis());
		}
		assertThat(unexpected).as("answers other than 200 before the kill").isEmpty();
		assertThat(acked).as("creates answered before the kill").hasSizeGreaterThanOrEqualTo(20);
		assertThat(unanswered.get()).as("workers cut off by the kill").isEqualTo(WORKERS);
		return acked;
	}

	/**
	 * Every answered create, as the API key reads it back (one list of the workspace, by
	 * id), complete, and its token authenticates, as the client-session-token header and
	 * as a bearer token. Returns the listed sessions by id.
	 */
	private static Map<String, Map<String, Object>> assertAllThereAndUsable(ServerProcess restarted,
			Map<String, Ack> acked) throws Exception {
		Map<String, Map<String, Object>> listed = new HashMap<>();
		List<Map<String, Object>> all = JsonPath.from(apiKeyGet(restarted, "/client_sessions/list"))
			.getList("client_sessions");
		all.forEach((session) -> listed.put((String) session.get("client_session_id"), session));
		for (Ack ack : acked.values()) {
			Map<String, Object> session = listed.get(ack.id());
			assertThat(session).as("answered create %s after the restart", ack.key()).isNotNull();
			assertThat(session.get("token")).isEqualTo(ack.token());
			assertThat(session.get("user_identifier_key")).isEqualTo(ack.key());
			assertThat(session.get("connected_account_ids")).isEqualTo(List.of(ACCOUNT));
		}
		ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
		try {
			List<Future<HttpResponse<String>>> reads = new ArrayList<>();
			int n = 0;
			for (Ack ack : acked.values()) {
				HttpRequest.Builder read = HttpRequest.newBuilder(restarted.uri("/client_sessions/get"))
					.timeout(Duration.ofSeconds(30));
				HttpRequest request = ((n++ % 2 == 0) ? read.header("client-session-token", ack.token())
						: read.header("Authorization", "Bearer " + ack.token()))
					.build();
				reads.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
			}
			int i = 0;
			for (Ack ack : acked.values()) {
				HttpResponse<String> own = reads.get(i++).get(60, TimeUnit.SECONDS);
				assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
				assertThat(JsonPath.from(own.body()).getString("client_session.client_session_id")).isEqualTo(ack.id());
			}
		}
		finally {
			pool.shutdownNow();
		}
		return listed;
	}

	private static HttpRequest create(ServerProcess server, String key) {
		return HttpRequest.newBuilder(server.uri("/client_sessions/create"))
			.PUT(HttpRequest.BodyPublishers
				.ofString("{\"user_identifier_key\":\"" + key + "\",\"connected_account_ids\":[\"" + ACCOUNT + "\"]}"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer seam_apikey1_token")
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private static String apiKeyGet(ServerProcess server, String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(path))
			.header("Authorization", "Bearer seam_apikey1_token")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
