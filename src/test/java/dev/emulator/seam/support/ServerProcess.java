package dev.emulator.seam.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server as a separate JVM, the way it runs in production:
 * {@code dev.emulator.seam.SeamEmulatorApplication} from the compiled classes and the
 * runtime dependencies, configured only through the environment variables the README
 * documents ({@code SPRING_DATASOURCE_URL}, {@code SERVER_PORT}, {@code SEAM_SEED},
 * {@code SEAM_TOKEN_ENCRYPTION_KEY}, {@code SEAM_DATA_DIR}), on a free port, with its
 * console output captured in a file. Tests can kill it (SIGKILL) or stop it (SIGTERM) and
 * start it again on the same database.
 */
public final class ServerProcess implements AutoCloseable {

	private static final String MAIN_CLASS = "dev.emulator.seam.SeamEmulatorApplication";

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Process process;

	private final int port;

	private final Path output;

	private final Path dir;

	private ServerProcess(Process process, int port, Path output, Path dir) {
		this.dir = dir;
		this.process = process;
		this.port = port;
		this.output = output;
	}

	/**
	 * Starts the server on {@code database} with the seed and a fixed token encryption
	 * key, and waits until {@code /health} answers 200. {@code dir} holds the captured
	 * output (appended to, so that a restart keeps the first run's lines) and the data
	 * directory.
	 */
	public static ServerProcess start(Database database, Path dir) throws IOException, InterruptedException {
		return start(database, dir, Map.of());
	}

	/**
	 * As {@link #start(Database, Path)}, with further environment variables
	 * ({@code SEAM_*} settings).
	 */
	public static ServerProcess start(Database database, Path dir, Map<String, String> settings)
			throws IOException, InterruptedException {
		Map<String, String> env = new java.util.HashMap<>(settings);
		env.put("SPRING_DATASOURCE_URL", database.url());
		env.put("SPRING_DATASOURCE_USERNAME", database.username());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		return start(dir, env);
	}

	/**
	 * Starts the server in its zero-setup mode: no datasource, so it runs its embedded
	 * PostgreSQL with the data in {@code dir}/data. The server is the leader of a process
	 * group of its own (as in a container), so that {@link #killGroup()} kills it and its
	 * PostgreSQL together.
	 */
	public static ServerProcess startEmbedded(Path dir) throws IOException, InterruptedException {
		return start(dir, Map.of());
	}

	/**
	 * Like {@link #startEmbedded}, without waiting for it to become healthy, its output
	 * in {@code dir/logName}.
	 */
	public static ServerProcess launchEmbedded(Path dir, String logName) throws IOException {
		return launch(dir, Map.of(), logName);
	}

	private static ServerProcess start(Path dir, Map<String, String> extraEnv)
			throws IOException, InterruptedException {
		long started = System.nanoTime();
		ServerProcess server = launch(dir, extraEnv);
		try {
			server.awaitHealthy(Duration.ofSeconds(180));
			System.out.printf("ServerProcess: pid %d healthy on port %d after %d ms%n", server.pid(), server.port,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException | InterruptedException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	private static ServerProcess launch(Path dir, Map<String, String> extraEnv) throws IOException {
		return launch(dir, extraEnv, "server.log");
	}

	private static ServerProcess launch(Path dir, Map<String, String> extraEnv, String logName) throws IOException {
		int port = freePort();
		Path output = dir.resolve(logName);
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
			// A session and process group of its own; setsid execs in place (the pid
			// stays the JVM's).
			command.add("/usr/bin/setsid");
		}
		command.addAll(
				List.of(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", serverClassPath(), MAIN_CLASS));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("SEAM_") || name.startsWith("EMULATOR_")
					|| name.equals("SERVER_PORT"));
		env.putAll(extraEnv);
		env.put("SERVER_PORT", Integer.toString(port));
		env.put("SEAM_SEED", "true");
		env.put("SEAM_TOKEN_ENCRYPTION_KEY", ApiTest.TOKEN_ENCRYPTION_KEY);
		env.put("SEAM_DATA_DIR", dir.resolve("data").toString());
		// Run as root, the server runs its PostgreSQL as nobody, who must be able to
		// reach the data directory.
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		return new ServerProcess(builder.start(), port, output, dir);
	}

	/** The embedded PostgreSQL's postmaster, from its pid file, while it runs. */
	public OptionalLong postmasterPid() {
		try {
			long pid = Long
				.parseLong(Files.readAllLines(this.dir.resolve("data/postgres/postmaster.pid")).get(0).trim());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? OptionalLong.of(pid)
					: OptionalLong.empty();
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	/** The watchdog process the server started beside its embedded PostgreSQL. */
	public Optional<ProcessHandle> watchdog() {
		return this.process.toHandle()
			.children()
			.filter((child) -> child.info().commandLine().orElse("").contains("seam-postgres-watchdog"))
			.findFirst();
	}

	/**
	 * SIGKILL to the server's whole process group at once (the JVM, PostgreSQL and its
	 * backends): a docker kill.
	 */
	public void killGroup() throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-KILL", "--", "-" + pid()).inheritIO().start().waitFor();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("server did not die within 30 s of SIGKILL");
		}
	}

	public URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.port + pathAndQuery);
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	/**
	 * SIGKILL: no shutdown hook, no graceful anything; returns once the process is gone.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("server did not die within 30 s of SIGKILL");
		}
	}

	/** SIGTERM, without waiting: what a process manager sends to stop the server. */
	public void terminate() {
		this.process.destroy();
	}

	/**
	 * Waits for the process to exit; its exit code, or empty when it is still running
	 * after {@code timeout}.
	 */
	public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
				? OptionalInt.of(this.process.exitValue()) : OptionalInt.empty();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Everything the server printed so far (every run in this directory). */
	public String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void awaitHealthy(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest health = HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"server exited with " + this.process.exitValue() + " while starting:\n" + tail(output()));
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("server not healthy within " + timeout + ":\n" + tail(output()));
	}

	private static String tail(String text) {
		return text.substring(Math.max(0, text.length() - 4000));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/**
	 * The classpath this test JVM was given (Surefire and Failsafe both publish it as
	 * {@code surefire.test.class.path}), without the test classes: the main classes and
	 * the dependencies.
	 */
	private static String serverClassPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classPath.split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
			.collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * A database of its own on the test PostgreSQL server ({@link TestDatabase}), named
	 * after the test database and {@code purpose}, dropped and created anew;
	 * {@link #close()} drops it.
	 */
	public record Database(String name, String url, String username, String password) implements AutoCloseable {

		public static Database create(String purpose) throws SQLException {
			TestDatabase.Connection test = TestDatabase.get();
			String base = databaseName(test.url());
			String name = (base + "_" + purpose).toLowerCase().replaceAll("[^a-z0-9_]", "_");
			String url = test.url().replaceFirst("/" + Pattern.quote(base) + "(?=\\?|$)", "/" + name);
			Database database = new Database(name, url, test.username(), test.password());
			database.admin("drop database if exists " + name + " with (force)", "create database " + name);
			return database;
		}

		/**
		 * Runs a query on this database and returns the first column of every row, as
		 * text.
		 */
		public List<String> query(String sql) throws SQLException {
			try (var connection = DriverManager.getConnection(this.url, this.username, this.password);
					var statement = connection.createStatement();
					var rows = statement.executeQuery(sql)) {
				List<String> values = new ArrayList<>();
				while (rows.next()) {
					values.add(rows.getString(1));
				}
				return values;
			}
		}

		@Override
		public void close() throws SQLException {
			admin("drop database if exists " + this.name + " with (force)");
		}

		private void admin(String... statements) throws SQLException {
			TestDatabase.Connection test = TestDatabase.get();
			try (var connection = DriverManager.getConnection(test.url(), test.username(), test.password());
					var statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
			}
		}

		private static String databaseName(String jdbcUrl) {
			String withoutQuery = jdbcUrl.split("\\?", 2)[0];
			return withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1);
		}

	}

}
