package dev.emulator.seam.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL a test JVM uses, chosen once: Testcontainers when a Docker engine answers, else the JDBC URL
 * in {@code TEST_DB_URL} (what {@code .ci/run} gives), else an embedded PostgreSQL. {@code TEST_DB} forces one
 * ({@code testcontainers}, {@code url}, {@code embedded}). There is no fallback to skipping: when none can be had,
 * every database test fails.
 */
public final class TestDatabase {

	public record Connection(String url, String username, String password, String source) {
	}

	private static Connection connection;

	private TestDatabase() {
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = start();
			System.out.println("Tests use PostgreSQL from " + connection.source() + ": " + connection.url());
		}
		return connection;
	}

	private static Connection start() {
		String mode = env("TEST_DB", "auto");
		String url = System.getenv("TEST_DB_URL");
		if (mode.equals("testcontainers") || (mode.equals("auto") && dockerAvailable())) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"testcontainers");
		}
		if (mode.equals("url") || (mode.equals("auto") && url != null && !url.isBlank())) {
			if (url == null || url.isBlank()) {
				throw new IllegalStateException("TEST_DB=url needs TEST_DB_URL");
			}
			return new Connection(url, env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""), "TEST_DB_URL");
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the temporary cluster goes with it.
				}
			}));
			return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No PostgreSQL for the tests: no Docker, no TEST_DB_URL, embedded failed",
					ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
