package dev.emulator.seam.seed;

import java.util.Map;

import dev.emulator.seam.config.EmulatorProperties;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.OkResponse;
import dev.emulator.seam.web.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * The sandbox routes of CONTRACT 8, present only with the seed: without it they answer 404 like any unknown route.
 */
@RestController
class SandboxController {

	private final SeedFixture fixture;

	private final EmulatorProperties properties;

	SandboxController(SeedFixture fixture, EmulatorProperties properties) {
		this.fixture = fixture;
		this.properties = properties;
	}

	@RequestMapping("/_sandbox/reset")
	@SeamRoute(methods = POST, anonymous = true)
	OkResponse reset() {
		requireSeed();
		this.fixture.reset();
		return OkResponse.OK;
	}

	@RequestMapping("/_fake/default_seed")
	@SeamRoute(methods = { GET, POST }, anonymous = true)
	Map<String, String> defaultSeed() {
		requireSeed();
		return SeedFixture.DEFAULT_SEED;
	}

	private void requireSeed() {
		if (!this.properties.seed()) {
			throw ApiException.notFound(ErrorTypes.NOT_FOUND, "Route not found");
		}
	}

}
