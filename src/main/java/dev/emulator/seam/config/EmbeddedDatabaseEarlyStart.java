package dev.emulator.seam.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL (initdb on an empty data directory, then the postmaster) on a thread of its own as
 * soon as the configuration is read, so that it runs while Spring loads classes and creates beans instead of before
 * Flyway on the main thread; {@link EmbeddedDatabaseConfig} then takes the started instance. Registered by
 * {@code SeamEmulatorApplication.main} only: tests configure their datasource later (dynamic properties), when this
 * listener could not see it yet. A start that fails is reported by the bean that takes it, as without this class.
 */
public final class EmbeddedDatabaseEarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Map<Path, CompletableFuture<EmbeddedPostgres>> starting = new ConcurrentHashMap<>();

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!environment.getProperty("spring.datasource.url", "").isEmpty()) {
			return;
		}
		Path dir = Binder.get(environment)
			.bind("emulator.data-dir", Path.class)
			.orElse(Path.of("./data"))
			.resolve("postgres")
			.toAbsolutePath();
		starting.computeIfAbsent(dir, (key) -> {
			CompletableFuture<EmbeddedPostgres> future = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					future.complete(start(key));
				}
				catch (Throwable ex) {
					future.completeExceptionally(ex);
				}
			}, "embedded-postgres-start");
			thread.setDaemon(true);
			thread.start();
			return future;
		});
	}

	/** The instance started early for {@code dir}, once it is up, or one started now. */
	static EmbeddedPostgres startedOrStart(Path dir) throws IOException {
		CompletableFuture<EmbeddedPostgres> early = starting.remove(dir);
		if (early == null) {
			return start(dir);
		}
		try {
			return early.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	private static EmbeddedPostgres start(Path dir) throws IOException {
		Files.createDirectories(dir);
		// setCleanDataDirectory(false) keeps an existing cluster: initdb runs only when the directory is empty.
		return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
	}

}
