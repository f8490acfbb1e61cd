package dev.emulator.seam.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one real PostgreSQL a test JVM uses, chosen once: Testcontainers when a Docker
 * engine answers, else the JDBC URL in {@code TEST_DB_URL} (what {@code .ci/run} gives),
 * else an embedded PostgreSQL. {@code TEST_DB} forces one ({@code testcontainers},
 * {@code url}, {@code embedded}). There is no fallback to skipping: when none can be had,
 * every database test fails.
 */
public final class TestDatabase {

	public record Connection(String url, String username, String password, String source) {
	}

	private static Connection connection;

	private TestDatabase() {
	}

	/**
	 * Points a Spring test context at this database ({@code @DynamicPropertySource}).
	 */
	public static void register(DynamicPropertyRegistry registry) {
		Connection db = get();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::username);
		registry.add("spring.datasource.password", db::password);
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = start();
			System.out.println("Tests use PostgreSQL from " + connection.source() + ": " + connection.url());
		}
		return connection;
	}

	/**
	 * A new, empty database on the same server, named after the test database plus
	 * {@code _<purpose>_<random>}, for tests that need a database of their own (an empty
	 * one, or one several application instances share). Drop it with
	 * {@link #drop(Connection)}.
	 */
	public static Connection createDatabase(String purpose) {
		Connection server = get();
		java.net.URI uri = java.net.URI.create(server.url().substring("jdbc:".length()));
		String name = (uri.getPath().substring(1) + "_" + purpose + "_"
				+ java.util.UUID.randomUUID().toString().substring(0, 8))
			.toLowerCase()
			.replaceAll("[^a-z0-9_]", "_");
		execute(server, "create database " + name);
		String url = "jdbc:postgresql://" + uri.getRawAuthority() + "/" + name
				+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		return new Connection(url, server.username(), server.password(), server.source() + " (" + name + ")");
	}

	/**
	 * Drops a database made by {@link #createDatabase(String)}, closing whatever still
	 * holds connections to it.
	 */
	public static void drop(Connection database) {
		java.net.URI uri = java.net.URI.create(database.url().substring("jdbc:".length()));
		execute(get(), "drop database if exists " + uri.getPath().substring(1) + " with (force)");
	}

	private static void execute(Connection connection, String sql) {
		try (java.sql.Connection jdbc = java.sql.DriverManager.getConnection(connection.url(), connection.username(),
				connection.password()); java.sql.Statement statement = jdbc.createStatement()) {
			statement.execute(sql);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Could not run: " + sql, ex);
		}
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
