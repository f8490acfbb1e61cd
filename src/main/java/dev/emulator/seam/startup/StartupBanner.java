package dev.emulator.seam.startup;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.support.EmulatorProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the server answers: where it listens, where its data is, and whether the seed and
 * the admin routes are on, in a few log lines (so that they follow SEAM_LOG_FORMAT like
 * every other line).
 */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final EmulatorProperties properties;

	private final Environment environment;

	private final ObjectProvider<BuildProperties> build;

	StartupBanner(EmulatorProperties properties, Environment environment, ObjectProvider<BuildProperties> build) {
		this.properties = properties;
		this.environment = environment;
		this.build = build;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		int port = (event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null) ? web.getWebServer().getPort() : -1;
		String version = this.build.stream().map(BuildProperties::getVersion).findFirst().orElse("");
		long millis = event.getTimeTaken().toMillis();
		for (String line : lines(port, version, millis)) {
			log.info(line);
		}
	}

	String[] lines(int port, String version, long millis) {
		String base = "http://localhost:" + port;
		return new String[] {
				"Seam emulator " + version + " ready on " + base + " in " + String.format("%.1f s", millis / 1000.0),
				"  Swagger UI: "
						+ base + "/swagger-ui/   OpenAPI: " + base + "/openapi.json   health: " + base + "/health",
				"  Database: " + database(),
				"  Seed: " + (this.properties.seed()
						? "on (the fixture of Seam's fake: API key, publishable key and client session token as in docs/API.md, Seed)"
						: "off (SEAM_SEED=true loads the fixture of Seam's fake)"),
				"  Admin routes /_admin/*: "
						+ (this.properties.hasAdminToken() ? "on (send SEAM_ADMIN_TOKEN in the seam-admin-token header)"
								: "off (SEAM_ADMIN_TOKEN turns them on)") };
	}

	private String database() {
		String url = this.environment.getProperty("spring.datasource.url", "");
		if (url.isEmpty()) {
			Path dir = this.properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
			return "embedded PostgreSQL, data in " + dir + " (SEAM_DATA_DIR)";
		}
		// The query string may carry a password.
		int query = url.indexOf('?');
		return ((query >= 0) ? url.substring(0, query) : url) + " (SPRING_DATASOURCE_URL)";
	}

}
