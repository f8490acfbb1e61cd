package dev.emulator.seam.workspace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.support.EmulatorProperties;
import dev.emulator.seam.support.ShownOnce;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure a user without the seed has a working API key: the one given as
 * {@code SEAM_API_KEY} (created in a workspace of its own when no key has that token
 * yet), or, on the very first start of an empty database, a generated one that is printed
 * once to the console and never again (only its hash is stored). With
 * {@code SEAM_ADMIN_TOKEN} set nothing is generated: workspaces and keys are provisioned
 * through the admin routes. Safe when several instances start at once on one database.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiKeyBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ApiKeyBootstrap.class);

	private final WorkspaceProvisioning provisioning;

	private final EmulatorProperties properties;

	private final Environment environment;

	ApiKeyBootstrap(WorkspaceProvisioning provisioning, EmulatorProperties properties, Environment environment) {
		this.provisioning = provisioning;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.hasApiKey()) {
			this.provisioning.ensureApiKey(this.properties.apiKey())
				.ifPresent((workspaceId) -> log.info("Created workspace {} for the API key given in SEAM_API_KEY",
						workspaceId));
			return;
		}
		if (this.properties.seed() || this.properties.hasAdminToken()) {
			return;
		}
		this.provisioning.createFirstWorkspaceIfEmpty().ifPresent((created) -> {
			log.warn("First start on an empty database: created workspace {} and an API key, printed once below",
					created.workspace().workspaceId());
			ShownOnce.print(this.environment, System.out, ApiKeyBootstrap.class,
					"API key (shown once, only its hash is stored)", "api_key", created.apiKey().token());
		});
	}

}
