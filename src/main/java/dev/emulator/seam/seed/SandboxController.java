package dev.emulator.seam.seed;

import java.util.Map;

import dev.emulator.seam.web.OkResponse;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * The sandbox routes of BEHAVIOUR 7.2, present only with the seed: without it they are
 * not mapped at all and answer 404 like any unknown route, whatever the method.
 */
@RestController
@ConditionalOnBooleanProperty("emulator.seed")
class SandboxController {

	private static final int MAX_ATTEMPTS = 5;

	private final SeedFixture fixture;

	SandboxController(SeedFixture fixture) {
		this.fixture = fixture;
	}

	@RequestMapping("/_sandbox/reset")
	@SeamRoute(methods = POST, anonymous = true)
	OkResponse reset() {
		// The delete cascades through every table of the seed workspaces, so it can
		// deadlock with background work on their rows (action attempts being carried
		// out); PostgreSQL then rolls one side back whole, and a new transaction is safe
		// to try.
		for (int attempt = 1;; attempt++) {
			try {
				this.fixture.reset();
				return OkResponse.OK;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	@RequestMapping("/_fake/default_seed")
	@SeamRoute(methods = { GET, POST }, anonymous = true)
	Map<String, String> defaultSeed() {
		return SeedFixture.DEFAULT_SEED;
	}

}
