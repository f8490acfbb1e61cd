package dev.emulator.seam.web;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.support.ServerProcess;
import dev.emulator.seam.support.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database crashing under a burst of creates, several times: the zero-setup server as
 * its own JVM ({@link ServerProcess}), creates and lists from several clients at once,
 * and its PostgreSQL stopped in immediate mode (SIGQUIT to the postmaster, what
 * {@code pg_ctl stop -m immediate} sends: every backend gone at once, as in a crash)
 * while transactions are open; the server starts it again. Every answer must be a 200 or
 * a 503 {@code service_unavailable} in Seam's envelope: a transaction that lost its
 * connection used to answer 500, because the failure of its rollback replaced the
 * statement's (bench/SOAK-RELIABILITY.md).
 */
class DatabaseLossIT {

	private static final int CLIENTS = 8;

	private static final int KILLS = 4;

	private static final HttpClient http = TestHttp.client(Duration.ofSeconds(5));

	@TempDir
	Path dir;

	@Test
	void databaseKilledWhenCreatesInFlightThenEveryAnswerIs200Or503InSeamsEnvelope() throws Exception {
		try (ServerProcess server = ServerProcess.startEmbedded(this.dir)) {
			Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
			ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
			AtomicLong lastCreated = new AtomicLong();
			AtomicBoolean running = new AtomicBoolean(true);
			List<Thread> clients = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				Thread client = new Thread(() -> {
					while (running.get()) {
						boolean create = ThreadLocalRandom.current().nextInt(5) > 0;
						String answer = send(server, create, unexpected);
						answers.computeIfAbsent(answer, (key) -> new AtomicInteger()).incrementAndGet();
						if (answer.equals("create:200")) {
							lastCreated.set(System.nanoTime());
						}
					}
				}, "database-loss-client-" + i);
				client.start();
				clients.add(client);
			}
			try {
				long killed = 0;
				for (int kill = 0; kill <= KILLS; kill++) {
					// PostgreSQL is up (again) and creates succeed, with transactions
					// open at
					// any moment.
					long postmaster = awaitPostmaster(server, killed, Duration.ofSeconds(60));
					awaitCreated(lastCreated, System.nanoTime(), Duration.ofSeconds(60));
					if (kill == KILLS) {
						break;
					}
					Thread.sleep(500 + ThreadLocalRandom.current().nextInt(500));
					new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).inheritIO().start().waitFor();
					killed = postmaster;
				}
			}
			finally {
				running.set(false);
				for (Thread client : clients) {
					client.join();
				}
			}
			System.out.printf("DatabaseLossIT: %d kills, answers %s%n", KILLS, answers);
			assertThat(unexpected).as("answers other than 200 or 503 service_unavailable").isEmpty();
			assertThat(answers).as("the kills were felt").containsKey("create:503");
			assertThat(server.output()).doesNotContain("Unexpected error while handling request");
		}
	}

	/** One create or list; its kind and status, or the reason it was unexpected. */
	private static String send(ServerProcess server, boolean create, ConcurrentLinkedQueue<String> unexpected) {
		HttpRequest.Builder request;
		if (create) {
			request = HttpRequest.newBuilder(server.uri("/client_sessions/create"))
				.PUT(HttpRequest.BodyPublishers.ofString("{\"user_identifier_key\":\"loss_" + UUID.randomUUID()
						+ "\",\"connected_account_ids\":" + "[\"john_connected_account_id\"]}"))
				.header("Content-Type", "application/json");
		}
		else {
			request = HttpRequest.newBuilder(server.uri("/client_sessions/list?user_identifier_key=loss_none"));
		}
		String kind = create ? "create" : "list";
		try {
			HttpResponse<String> response = http.send(request.header("Authorization", "Bearer seam_apikey1_token")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			String answer = kind + ":" + response.statusCode();
			if (response.statusCode() == 503) {
				JsonPath body = JsonPath.from(response.body());
				if (!"service_unavailable".equals(body.getString("error.type")) || body.getBoolean("ok")
						|| body.getString("error.message") == null) {
					unexpected.add(answer + " " + response.body());
				}
			}
			else if (response.statusCode() != 200) {
				unexpected.add(answer + " " + response.body());
			}
			return answer;
		}
		catch (IOException | RuntimeException ex) {
			unexpected.add(kind + ": " + ex);
			return kind + ":" + ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return kind + ":interrupted";
		}
	}

	/** The running postmaster's pid, once it is another than {@code killed}. */
	private static long awaitPostmaster(ServerProcess server, long killed, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			OptionalLong pid = server.postmasterPid();
			if (pid.isPresent() && pid.getAsLong() != killed) {
				return pid.getAsLong();
			}
			assertThat(System.nanoTime()).as("PostgreSQL started again within " + timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static void awaitCreated(AtomicLong lastCreated, long since, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (lastCreated.get() - since <= 0) {
			assertThat(System.nanoTime()).as("a create answered 200 within " + timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
