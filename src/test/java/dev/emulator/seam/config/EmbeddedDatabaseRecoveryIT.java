package dev.emulator.seam.config;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.support.ServerProcess;
import dev.emulator.seam.support.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The zero-setup server, as its own JVM with its embedded PostgreSQL, through what
 * operators and crashes do to it: a second server on the same data directory, the JVM
 * killed alone, the JVM killed with its watchdog (an orphaned postmaster), the postmaster
 * killed under the running server; and the cluster closed to other local users. One
 * sequence, because each start of a fresh server costs seconds.
 */
class EmbeddedDatabaseRecoveryIT {

	private static final HttpClient http = TestHttp.client(Duration.ofSeconds(5));

	@TempDir
	Path dir;

	@Test
	void crashesAndSecondInstanceWhenRestartedThenServerComesBackAndDatabaseStaysClosed() throws Exception {
		// A second server on a data directory in use: one clear message naming
		// SEAM_DATA_DIR, no stack trace.
		try (ServerProcess first = ServerProcess.startEmbedded(this.dir)) {
			long postmaster = first.postmasterPid().orElseThrow();
			assertThat(first.watchdog()).as("watchdog beside PostgreSQL").isPresent();
			try (ServerProcess second = ServerProcess.launchEmbedded(this.dir, "second.log")) {
				OptionalInt exit = second.awaitExit(Duration.ofSeconds(120));
				assertThat(exit).as("second server exits").isPresent();
				assertThat(exit.getAsInt()).isNotZero();
				String output = second.output();
				assertThat(output).contains("Another Seam server is running on the data directory")
					.contains("SEAM_DATA_DIR")
					.doesNotContain("\tat ");
			}
			assertThat(get(first, "/health").statusCode()).as("first server unaffected").isEqualTo(200);

			// SIGKILL of the JVM alone: the watchdog stops PostgreSQL; it does not
			// outlive the JVM.
			first.kill();
			long died = System.nanoTime();
			assertThat(ProcessHandle.of(postmaster)
				.map((handle) -> handle.onExit()
					.thenApply((gone) -> true)
					.completeOnTimeout(false, 20, java.util.concurrent.TimeUnit.SECONDS)
					.join())
				.orElse(true)).as("postmaster stopped after the JVM was killed").isTrue();
			System.out.printf("EmbeddedDatabaseRecoveryIT: postmaster gone %d ms after the JVM was killed%n",
					(System.nanoTime() - died) / 1_000_000);
		}

		// SIGKILL of the JVM and its watchdog (a postmaster really orphaned): the next
		// start stops it and goes on.
		long orphan;
		long restarting = System.nanoTime();
		try (ServerProcess second = ServerProcess.startEmbedded(this.dir)) {
			System.out.printf("EmbeddedDatabaseRecoveryIT: restart after SIGKILL healthy in %d ms%n",
					(System.nanoTime() - restarting) / 1_000_000);
			orphan = second.postmasterPid().orElseThrow();
			second.watchdog().orElseThrow().destroyForcibly();
			second.kill();
		}
		Thread.sleep(1000);
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("orphaned postmaster").contains(true);
		restarting = System.nanoTime();
		try (ServerProcess third = ServerProcess.startEmbedded(this.dir)) {
			System.out.printf("EmbeddedDatabaseRecoveryIT: restart over an orphaned postmaster healthy in %d ms%n",
					(System.nanoTime() - restarting) / 1_000_000);
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(third.output()).contains("left running in");
			assertThat(create(third, "after_orphan").statusCode()).isEqualTo(200);

			assertClosed(third);

			// The postmaster killed under the running server: 503 within 2 s, probes at
			// once, then back by itself.
			long postmaster = third.postmasterPid().orElseThrow();
			ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
			long killed = System.nanoTime();
			long started = System.nanoTime();
			HttpResponse<String> health = get(third, "/health");
			long healthMillis = (System.nanoTime() - started) / 1_000_000;
			started = System.nanoTime();
			HttpResponse<String> list = apiKeyGet(third, "/client_sessions/list");
			long routeMillis = (System.nanoTime() - started) / 1_000_000;
			started = System.nanoTime();
			HttpResponse<String> liveness = get(third, "/actuator/health/liveness");
			long livenessMillis = (System.nanoTime() - started) / 1_000_000;
			System.out.printf(
					"EmbeddedDatabaseRecoveryIT: database killed: /health %d in %d ms, list %d in %d ms, "
							+ "liveness %d in %d ms%n",
					health.statusCode(), healthMillis, list.statusCode(), routeMillis, liveness.statusCode(),
					livenessMillis);
			if (health.statusCode() != 200) {
				// Not already back: then it said so within 2 s, in the envelope.
				assertThat(health.statusCode()).isEqualTo(503);
				assertThat(JsonPath.from(health.body()).getString("error.type")).isEqualTo("service_unavailable");
				assertThat(healthMillis).isLessThan(2000);
			}
			if (list.statusCode() != 200) {
				assertThat(list.statusCode()).as(list.body()).isEqualTo(503);
				assertThat(JsonPath.from(list.body()).getString("error.type")).isEqualTo("service_unavailable");
				assertThat(routeMillis).isLessThan(2000);
			}
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(livenessMillis).isLessThan(1000);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (get(third, "/health").statusCode() != 200 && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			System.out.printf("EmbeddedDatabaseRecoveryIT: healthy again %d ms after the postmaster was killed%n",
					(System.nanoTime() - killed) / 1_000_000);
			assertThat(get(third, "/health").statusCode()).isEqualTo(200);
			assertThat(create(third, "after_database_restart").statusCode()).isEqualTo(200);
			assertThat(third.postmasterPid()).isPresent().isNotEqualTo(java.util.OptionalLong.of(postmaster));
		}
	}

	/**
	 * No way in for another local user: no TCP login but the server's role, secrets
	 * owner-only.
	 */
	private void assertClosed(ServerProcess server) throws Exception {
		Path data = this.dir.resolve("data");
		List<String> pidFile = Files.readAllLines(data.resolve("postgres/postmaster.pid"));
		String port = pidFile.get(3).trim();
		assertThatThrownBy(() -> DriverManager
			.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=5", "postgres", "")
			.close()).as("superuser over TCP without a password").isInstanceOf(SQLException.class);
		assertThatThrownBy(() -> DriverManager
			.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=5", "seam", "wrong")
			.close()).as("the server's role with a wrong password").isInstanceOf(SQLException.class);
		String password = Files.readString(data.resolve("postgres.password")).trim();
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "seam",
				password);
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select rolsuper, (select nspowner::regrole::text from "
						+ "pg_namespace where nspname = 'public'), (select count(*) from pg_tables where "
						+ "schemaname = 'public' and tableowner <> 'seam') from pg_roles where rolname = current_user")) {
			rows.next();
			assertThat(rows.getBoolean(1)).as("server role is superuser").isFalse();
			assertThat(rows.getString(2)).as("owner of the schema").isEqualTo("seam");
			assertThat(rows.getLong(3)).as("tables not owned by the server's role").isZero();
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("postgres.password"))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("postgres"))))
			.isEqualTo("rwx------");
		assertThat(Files.readAllLines(data.resolve("postgres/pg_hba.conf"))).as("TCP rules of pg_hba.conf")
			.filteredOn((line) -> line.startsWith("host"))
			.isNotEmpty()
			.noneMatch((line) -> line.contains("trust"));
		assertThat(server.output()).doesNotContain(password);
	}

	private static HttpResponse<String> get(ServerProcess server, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> apiKeyGet(ServerProcess server, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(server.uri(path))
			.header("Authorization", "Bearer seam_apikey1_token")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> create(ServerProcess server, String key) throws Exception {
		return http.send(HttpRequest.newBuilder(server.uri("/client_sessions/create"))
			.PUT(HttpRequest.BodyPublishers.ofString("{\"user_identifier_key\":\"" + key + "\"}"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer seam_apikey1_token")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
