package dev.emulator.seam.seed;

import java.util.List;
import java.util.Map;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.OkResponse;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.auth.CredentialStore;
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

	private final SimulatedOutages outages;

	private final CredentialStore workspaces;

	SandboxController(SeedFixture fixture, SimulatedOutages outages, CredentialStore workspaces) {
		this.fixture = fixture;
		this.outages = outages;
		this.workspaces = workspaces;
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
				this.outages.endAll();
				return OkResponse.OK;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Makes the named routes of a workspace answer 503, as Seam's fake does, so that
	 * suites can see how a client retries (BEHAVIOUR 7.4).
	 */
	@RequestMapping("/_fake/simulate_workspace_outage")
	@SeamRoute(methods = POST, anonymous = true)
	OkResponse simulateWorkspaceOutage(OutageParams params) {
		if (!this.workspaces.workspaceExists(params.workspaceId())) {
			throw ApiException.notFound("workspace_not_found", "Workspace not found");
		}
		this.outages.simulate(params.workspaceId(), params.routes());
		return OkResponse.OK;
	}

	record OutageParams(String workspaceId, List<String> routes) implements RouteParams {

		static OutageParams from(SeamParams params) {
			String workspaceId = params.requiredString("workspace_id");
			List<String> routes = params.stringList("routes");
			if (routes == null && !params.isPresent("routes")) {
				params.addError("routes", "Required");
			}
			return new OutageParams(workspaceId, routes);
		}

	}

	@RequestMapping("/_fake/default_seed")
	@SeamRoute(methods = { GET, POST }, anonymous = true)
	Map<String, String> defaultSeed() {
		return SeedFixture.DEFAULT_SEED;
	}

}
