package dev.emulator.seam.config;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.support.Secrets;

/**
 * The embedded PostgreSQL of the zero-setup mode, run as a child process of this JVM from
 * the zonky binaries.
 * <p>
 * Zonky's own launcher is made for throw-away test databases: it turns {@code fsync} and
 * {@code synchronous_commit} off, opens the cluster to every local process with trust
 * authentication, daemonizes the postmaster with {@code pg_ctl} (so it outlives a killed
 * JVM and blocks the next start) and cannot be told otherwise. Here:
 * <ul>
 * <li>commits are durable ({@code fsync}, {@code synchronous_commit},
 * {@code full_page_writes} on);</li>
 * <li>the cluster listens on 127.0.0.1 and accepts one login over TCP: the role
 * {@code seam}, not superuser, owner of the {@code public} schema, with a generated
 * password kept in {@code <data-dir>/postgres.password} (0600). Its unix socket lives in
 * the cluster directory (0700), so only the OS user owning the data reaches it;</li>
 * <li>{@code <data-dir>/seam.lock} is held for the JVM's lifetime, so a second server on
 * the same directory stops at once with one line that names {@code SEAM_DATA_DIR};</li>
 * <li>a postmaster left over from a crashed JVM (its pid in {@code postmaster.pid},
 * alive, running in our cluster directory) is shut down before ours starts;</li>
 * <li>a watchdog ({@code sh}, reading a pipe only this JVM holds) shuts the postmaster
 * down when the JVM dies in any way, SIGKILL included: Java cannot ask Linux to signal a
 * child on its parent's death, but the end of a pipe is seen by the child whatever killed
 * the parent;</li>
 * <li>a postmaster that dies while the server runs is started again on the same port, so
 * the pool reconnects.</li>
 * </ul>
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Logger postgresLog = LoggerFactory.getLogger("embedded-postgres");

	static final String USER = "seam";

	static final String DATABASE = "postgres";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration ORPHAN_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	/** How much of PostgreSQL's output a failed start quotes. */
	private static final int RECENT_OUTPUT_LINES = 20;

	/**
	 * The longest unix socket path Linux accepts (sun_path is 108 bytes, with the
	 * terminating zero).
	 */
	private static final int MAX_SOCKET_PATH = 107;

	private final Path dataDir;

	private final Path cluster;

	private final Path binaries;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final String password;

	private final int port;

	private final RunAs runAs;

	private final ArrayDeque<String> recentOutput = new ArrayDeque<>();

	private volatile Thread outputPump;

	private volatile Process postmaster;

	private volatile Process watchdog;

	private volatile boolean closing;

	private EmbeddedPostgresServer(Path dataDir, Path binaries, FileChannel lockChannel, FileLock lock, String password,
			int port, RunAs runAs) {
		this.runAs = runAs;
		this.dataDir = dataDir;
		this.cluster = dataDir.resolve("postgres");
		this.binaries = binaries;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.password = password;
		this.port = port;
	}

	/**
	 * Locks {@code dataDir}, stops a postmaster left there by a crashed server, creates
	 * the cluster on first use, and starts PostgreSQL.
	 * @throws DataDirectoryInUseException when another live server holds {@code dataDir}
	 */
	static EmbeddedPostgresServer start(Path dataDir) throws IOException {
		Path dir = dataDir.toAbsolutePath().normalize();
		Files.createDirectories(dir);
		FileChannel channel = FileChannel.open(dir.resolve("seam.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new DataDirectoryInUseException(dir);
		}
		try {
			Path cluster = dir.resolve("postgres");
			stopLeftOverPostmaster(cluster);
			Path binaries = binaries();
			RunAs runAs = RunAs.choose(dir, cluster);
			if (!Files.exists(cluster.resolve("PG_VERSION"))) {
				initdb(binaries, cluster, runAs);
			}
			writeAccessRules(cluster, runAs);
			Path passwordFile = dir.resolve("postgres.password");
			String password;
			if (Files.exists(passwordFile)) {
				password = Files.readString(passwordFile).trim();
			}
			else {
				// First start of this cluster with this version (or the file was
				// deleted): make the role and its schema, then save the password. A crash
				// in between only means doing both again.
				password = Secrets.base58(32);
				configureRole(binaries, cluster, password, runAs);
				OwnerOnlyFiles.write(passwordFile, password);
			}
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(dir, binaries, channel, lock, password,
					freePort(), runAs);
			server.startPostmaster(STARTUP_TIMEOUT);
			return server;
		}
		catch (IOException | RuntimeException ex) {
			lock.release();
			channel.close();
			throw ex;
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	String password() {
		return this.password;
	}

	@Override
	public void close() {
		this.closing = true;
		Process process = this.postmaster;
		if (process != null && process.isAlive()) {
			signal(process.pid(), "INT");
			try {
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
			log.info("Embedded PostgreSQL stopped");
		}
		Process dog = this.watchdog;
		if (dog != null) {
			dog.destroyForcibly();
		}
		try {
			this.lock.release();
			this.lockChannel.close();
		}
		catch (IOException ex) {
			log.warn("Could not release {}: {}", this.dataDir.resolve("seam.lock"), ex.getMessage());
		}
	}

	private synchronized void startPostmaster(Duration timeout) throws IOException {
		// log_min_error_statement=panic: a failed statement's text stays out of the log.
		List<String> command = new ArrayList<>(List.of(bin(this.binaries, "postgres"), "-D", this.cluster.toString(),
				"-c", "listen_addresses=127.0.0.1", "-c", "port=" + this.port, "-c", "fsync=on", "-c",
				"synchronous_commit=on", "-c", "full_page_writes=on", "-c", "wal_sync_method=fdatasync", "-c",
				"timezone=UTC", "-c", "max_connections=100", "-c", "unix_socket_permissions=0700", "-c",
				"unix_socket_directories=" + socketDirectory(this.cluster, this.port), "-c", "logging_collector=off",
				"-c", "log_min_error_statement=panic"));
		ProcessBuilder builder = new ProcessBuilder(this.runAs.wrap(command)).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("PG"));
		Process process = builder.start();
		this.postmaster = process;
		synchronized (this.recentOutput) {
			this.recentOutput.clear();
		}
		pump(process);
		startWatchdog(process.pid());
		awaitReady(process, timeout);
		log.debug("Embedded PostgreSQL (pid {}) ready on 127.0.0.1:{}, data in {}", process.pid(), this.port,
				this.cluster);
		process.onExit().thenRun(() -> onPostmasterExit(process));
	}

	private void onPostmasterExit(Process process) {
		if (this.closing || process != this.postmaster) {
			return;
		}
		log.error("Embedded PostgreSQL (pid {}) exited with code {}; starting it again", process.pid(),
				process.exitValue());
		Thread restart = new Thread(this::restartUntilUp, "embedded-postgres-restart");
		restart.setDaemon(true);
		restart.start();
	}

	private void restartUntilUp() {
		long backoff = 200;
		while (!this.closing) {
			try {
				// Backends of the dead postmaster may still hold its shared memory for a
				// moment; PostgreSQL refuses to start until they are gone, so try again
				// shortly.
				stopLeftOverPostmaster(this.cluster);
				startPostmaster(Duration.ofSeconds(30));
				return;
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Embedded PostgreSQL did not start again yet: {}", ex.getMessage());
				Process failed = this.postmaster;
				if (failed != null) {
					failed.destroyForcibly();
				}
			}
			try {
				Thread.sleep(backoff);
			}
			catch (InterruptedException ex) {
				return;
			}
			backoff = Math.min(backoff * 2, 5000);
		}
	}

	/**
	 * {@code sh} waits for the end of its standard input, a pipe whose other end only
	 * this JVM holds, then sends the postmaster SIGINT (fast shutdown: open transactions
	 * roll back, committed ones are already on disk).
	 */
	private void startWatchdog(long pid) throws IOException {
		Process previous = this.watchdog;
		if (previous != null) {
			previous.destroyForcibly();
		}
		this.watchdog = new ProcessBuilder("/bin/sh", "-c", "cat >/dev/null; kill -INT \"$1\" 2>/dev/null",
				"seam-postgres-watchdog", Long.toString(pid))
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	private void awaitReady(Process process, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				awaitOutputRead();
				throw new IOException("PostgreSQL exited with code " + process.exitValue()
						+ " while starting; it said:\n" + recentOutput());
			}
			try (var connection = DriverManager.getConnection(jdbcUrl(), USER, this.password)) {
				return;
			}
			catch (SQLException ex) {
				last = ex;
			}
			sleep(50);
		}
		process.destroyForcibly();
		throw new IOException("PostgreSQL did not accept connections within " + timeout
				+ ((last != null) ? ": " + last.getMessage() : ""));
	}

	/**
	 * A postmaster still running in {@code cluster} although we hold the data directory's
	 * lock was started by a server that died without stopping it: shut it down (SIGTERM,
	 * then SIGKILL after a while) so that ours can start. A pid file whose pid is gone or
	 * is some other program is left for PostgreSQL, which removes it... except when the
	 * pid was reused, which PostgreSQL takes for a live postmaster; we know better, so
	 * the file goes.
	 */
	static void stopLeftOverPostmaster(Path cluster) throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile);
		}
		catch (NoSuchFileException ex) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (RuntimeException ex) {
			return;
		}
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		if (handle.isEmpty() || !handle.get().isAlive()) {
			return;
		}
		if (!isPostmasterOf(handle.get(), cluster)) {
			log.info("Removing {}: its pid {} is another program now", pidFile, pid);
			Files.deleteIfExists(pidFile);
			return;
		}
		long started = System.nanoTime();
		log.warn("A PostgreSQL (pid {}) left running in {} by a server that stopped without it: shutting it down", pid,
				cluster);
		// SIGINT, fast shutdown: its clients died with the old server anyway.
		signal(pid, "INT");
		try {
			handle.get().onExit().get(ORPHAN_SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			log.warn("PostgreSQL (pid {}) still running after {}: killing it", pid, ORPHAN_SHUTDOWN_TIMEOUT);
			handle.get().destroyForcibly();
			try {
				handle.get().onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ignored) {
				throw new IllegalStateException("Could not stop the PostgreSQL (pid " + pid + ") left in " + cluster);
			}
		}
		log.info("Left-over PostgreSQL (pid {}) stopped in {} ms", pid, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Its working directory is the cluster (a postmaster chdirs there) and it runs a
	 * program named postgres.
	 */
	private static boolean isPostmasterOf(ProcessHandle process, Path cluster) {
		boolean named = process.info().command().map((command) -> command.endsWith("postgres")).orElse(true);
		try {
			Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
			return named && cwd.equals(cluster.toRealPath());
		}
		catch (IOException | UnsupportedOperationException ex) {
			// No /proc: trust the name and the command line.
			return named && process.info().commandLine().map((line) -> line.contains(cluster.toString())).orElse(false);
		}
	}

	private static void initdb(Path binaries, Path cluster, RunAs runAs) throws IOException {
		// Into a sibling, then renamed: a crash during initdb leaves no half-made cluster
		// where the next start looks.
		Path fresh = cluster.resolveSibling("postgres.initdb");
		deleteRecursively(fresh);
		if (Files.isDirectory(cluster)) {
			try (var entries = Files.list(cluster)) {
				if (entries.findAny().isPresent()) {
					throw new IllegalStateException(cluster + " is not empty but holds no PostgreSQL cluster (no "
							+ "PG_VERSION): move it away or point SEAM_DATA_DIR elsewhere");
				}
			}
			Files.delete(cluster);
		}
		long started = System.nanoTime();
		Files.createDirectories(fresh);
		runAs.own(fresh);
		run(runAs.wrap(List.of(bin(binaries, "initdb"), "-D", fresh.toString(), "-U", "postgres", "-E", "UTF-8",
				"--locale=C", "--auth=reject", "--no-instructions")), null);
		Files.move(fresh, cluster, StandardCopyOption.ATOMIC_MOVE);
		log.info("Created the embedded PostgreSQL cluster in {} ({} ms)", cluster,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Rewritten on every start: the one way in over TCP is {@code seam} with its
	 * password; the socket in the cluster directory (owner-only) is for the data's owner,
	 * who can read the files anyway.
	 */
	private static void writeAccessRules(Path cluster, RunAs runAs) throws IOException {
		Path file = cluster.resolve("pg_hba.conf");
		OwnerOnlyFiles.replace(file, """
				# Written by Seam at every start: edits are lost.
				local   all        all                       trust
				host    %1$s   %2$s      127.0.0.1/32     scram-sha-256
				""".formatted(DATABASE, USER));
		runAs.own(file);
	}

	/**
	 * In single-user mode (no listener at all): the login role, with the new password,
	 * owning the schema and every table in it (clusters made before this version have
	 * them owned by the superuser).
	 */
	private static void configureRole(Path binaries, Path cluster, String password, RunAs runAs) throws IOException {
		String statements = String.join("\n",
				"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN CREATE ROLE "
						+ USER + " LOGIN; END IF; END$$;",
				"ALTER ROLE " + USER + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS "
						+ "PASSWORD '" + password + "';",
				"ALTER SCHEMA public OWNER TO " + USER + ";",
				"DO $$DECLARE r record; BEGIN FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN "
						+ "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN "
						+ "('r', 'p', 'v', 'm', 'f') LOOP EXECUTE format('ALTER TABLE %s OWNER TO " + USER
						+ "', r.name); END LOOP; END$$;",
				"");
		run(runAs
			.wrap(List.of(bin(binaries, "postgres"), "--single", "-D", cluster.toString(), "-c", "fsync=on", DATABASE)),
				statements);
	}

	private static void run(List<String> command, String input) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("PG"));
		Process process = builder.start();
		if (input != null) {
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
		}
		else {
			process.getOutputStream().close();
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(new File(command.get(0)).getName() + " did not finish within 120 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted", ex);
		}
		// Single-user mode reports a failed statement on its output but still exits 0.
		if (process.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
			throw new IOException(new File(command.get(0)).getName() + " failed (exit " + process.exitValue() + "): "
					+ output.replace(input != null ? passwordIn(input) : "\u0000", "<password>"));
		}
	}

	private static String passwordIn(String statements) {
		int start = statements.indexOf("PASSWORD '") + "PASSWORD '".length();
		return statements.substring(start, statements.indexOf('\'', start));
	}

	/**
	 * Copies PostgreSQL's output into our log, line by line, until it closes: at DEBUG,
	 * since a healthy start says nothing a user acts on, except FATAL and PANIC at WARN.
	 * The last lines are kept for the message of a failed start.
	 */
	private void pump(Process process) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					synchronized (this.recentOutput) {
						if (this.recentOutput.size() == RECENT_OUTPUT_LINES) {
							this.recentOutput.removeFirst();
						}
						this.recentOutput.addLast(line);
					}
					if (line.contains("FATAL:") || line.contains("PANIC:")) {
						postgresLog.warn(line);
					}
					else {
						postgresLog.debug(line);
					}
				}
			}
			catch (IOException ex) {
				// The process is gone.
			}
		}, "embedded-postgres-output");
		thread.setDaemon(true);
		thread.start();
		this.outputPump = thread;
	}

	/**
	 * Once the process is gone, its output ends: the pump reads the last lines and stops.
	 * A grandchild still holding the pipe open must not hold up the error, hence the
	 * bound.
	 */
	private void awaitOutputRead() {
		Thread pump = this.outputPump;
		if (pump == null) {
			return;
		}
		try {
			pump.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String recentOutput() {
		synchronized (this.recentOutput) {
			return this.recentOutput.isEmpty() ? "(no output)" : String.join("\n", this.recentOutput);
		}
	}

	private static String socketDirectory(Path cluster, int port) {
		// Too long a path and PostgreSQL refuses to start; no socket then (the server
		// uses TCP).
		return (cluster.toString().length() + "/.s.PGSQL.".length() + Integer.toString(port).length()
				+ ".lock".length() <= MAX_SOCKET_PATH) ? cluster.toString() : "";
	}

	private static void signal(long pid, String signal) {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The binaries, unpacked by zonky once per machine (a digest-named directory under
	 * {@code java.io.tmpdir}). Zonky keeps that step private to its own launcher, which
	 * cannot run a durable, closed cluster; reusing it here avoids a second copy of its
	 * unpacking and locking code.
	 */
	private static Path binaries() {
		try {
			Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
					File.class);
			prepare.setAccessible(true);
			return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot unpack the embedded PostgreSQL binaries with this zonky version",
					ex);
		}
	}

	private static String bin(Path binaries, String name) {
		return binaries.resolve("bin").resolve(name).toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for PostgreSQL", ex);
		}
	}

	/**
	 * PostgreSQL refuses to run as root. A server started as root (a container without
	 * {@code USER}, a CI machine) runs PostgreSQL as the owner of the cluster, or of the
	 * data directory, or else as {@code nobody}, through {@code setpriv}; the cluster is
	 * given to that user.
	 */
	record RunAs(Integer uid, Integer gid) {

		static RunAs choose(Path dataDir, Path cluster) throws IOException {
			if (!"root".equals(System.getProperty("user.name"))) {
				return new RunAs(null, null);
			}
			for (Path candidate : List.of(cluster, dataDir)) {
				if (Files.exists(candidate)) {
					int uid = (Integer) Files.getAttribute(candidate, "unix:uid");
					if (uid != 0) {
						return new RunAs(uid, (Integer) Files.getAttribute(candidate, "unix:gid"));
					}
				}
			}
			return new RunAs(65534, 65534);
		}

		List<String> wrap(List<String> command) {
			if (this.uid == null) {
				return command;
			}
			List<String> wrapped = new ArrayList<>(
					List.of("setpriv", "--reuid=" + this.uid, "--regid=" + this.gid, "--clear-groups", "--"));
			wrapped.addAll(command);
			return wrapped;
		}

		void own(Path path) throws IOException {
			if (this.uid != null) {
				Files.setAttribute(path, "unix:uid", this.uid);
				Files.setAttribute(path, "unix:gid", this.gid);
			}
		}

	}

	/** Another live server holds the data directory. */
	static final class DataDirectoryInUseException extends RuntimeException {

		DataDirectoryInUseException(Path dataDir) {
			super("Another Seam server is running on the data directory " + dataDir + " (SEAM_DATA_DIR): stop it, or "
					+ "give this one a SEAM_DATA_DIR of its own");
		}

	}

}
