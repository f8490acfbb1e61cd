package dev.emulator.seam.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.support.EmulatorProperties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * With {@code SEAM_SEED=true}, loads the fixture before the server takes its first
 * request.
 */
@Component
class SeedLoader implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private final SeedFixture fixture;

	private final EmulatorProperties properties;

	SeedLoader(SeedFixture fixture, EmulatorProperties properties) {
		this.fixture = fixture;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.properties.seed()) {
			boolean loaded = this.fixture.loadIfMissing();
			log.info(loaded ? "Loaded the seed fixture" : "Seed fixture already present");
		}
	}

}
