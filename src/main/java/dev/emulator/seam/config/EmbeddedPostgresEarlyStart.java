package dev.emulator.seam.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration has
 * been read, before Spring builds the context: its start (and, on a fresh data directory,
 * initdb) then overlaps the seconds in which the context is built instead of adding to
 * them (docs/ARCHITECTURE.md, "Start-up"). {@link EmbeddedDatabaseConfig} takes the
 * server from here; if the context fails before it does, the server is stopped with the
 * context.
 * <p>
 * Registered in {@code META-INF/spring.factories}; it applies in exactly the case
 * {@link EmbeddedDatabaseConfig} does: no {@code spring.datasource.url}.
 */
class EmbeddedPostgresEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String BEAN_NAME = "embeddedPostgresEarlyStart";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (StringUtils.hasLength(context.getEnvironment().getProperty("spring.datasource.url"))
				|| context.getBeanFactory().containsSingleton(BEAN_NAME)) {
			return;
		}
		Path dataDir;
		try {
			dataDir = Binder.get(context.getEnvironment())
				.bind("emulator.data-dir", Path.class)
				.orElse(Path.of("./data"));
		}
		catch (RuntimeException ex) {
			// A value that does not bind is reported by the properties' own binding, with
			// its
			// name; the database then starts in EmbeddedDatabaseConfig as it always did.
			return;
		}
		Starting starting = new Starting(dataDir);
		context.getBeanFactory().registerSingleton(BEAN_NAME, starting);
		((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(BEAN_NAME, starting);
	}

	/** The embedded PostgreSQL being started for one data directory. */
	static final class Starting implements DisposableBean {

		private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEarlyStart.class);

		private final Path dataDir;

		private final CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();

		private volatile boolean taken;

		Starting(Path dataDir) {
			this.dataDir = dataDir;
			Thread thread = new Thread(() -> {
				try {
					this.server.complete(EmbeddedPostgresServer.start(dataDir));
				}
				catch (Throwable ex) {
					this.server.completeExceptionally(ex);
				}
			}, "embedded-postgres-start");
			thread.setDaemon(true);
			thread.start();
		}

		/**
		 * The started server, once; its failure as thrown by
		 * {@link EmbeddedPostgresServer#start}.
		 */
		EmbeddedPostgresServer take(Path dataDir) throws IOException {
			if (!dataDir.equals(this.dataDir)) {
				throw new IllegalStateException(
						"emulator.data-dir changed while starting: " + this.dataDir + " then " + dataDir);
			}
			try {
				EmbeddedPostgresServer started = this.server.join();
				this.taken = true;
				return started;
			}
			catch (CompletionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof IOException io) {
					throw io;
				}
				if (cause instanceof UncheckedIOException io) {
					throw io.getCause();
				}
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

		/** The context failed before the database bean took the server: stop it. */
		@Override
		public void destroy() {
			if (this.taken) {
				return;
			}
			try {
				this.server.join().close();
			}
			catch (CompletionException ex) {
				log.debug("The embedded PostgreSQL had not started: {}", ex.getCause().getMessage());
			}
		}

	}

}
