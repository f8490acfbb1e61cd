package dev.emulator.seam.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.OkResponse;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.actionattempt.ActionAttemptUpdate;
import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.actionattempt.ActionAttempts;
import dev.emulator.seam.auth.CredentialStore;
import dev.emulator.seam.auth.SeamRoute;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceView;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.PATCH;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * The sandbox routes of BEHAVIOUR 7.2, 7.4 and 7.5, present only with the seed: without
 * it they are not mapped at all and answer 404 like any unknown route, whatever the
 * method. They take no credential, as Seam's fake has them, and answer only this machine
 * unless opened ({@code SandboxLoopbackFilter}).
 */
@RestController
@ConditionalOnBooleanProperty("emulator.seed")
class SandboxController {

	private static final int MAX_ATTEMPTS = 5;

	private final SeedFixture fixture;

	private final SimulatedOutages outages;

	private final CredentialStore workspaces;

	private final ActionAttempts actionAttempts;

	private final DeviceDirectory devices;

	SandboxController(SeedFixture fixture, SimulatedOutages outages, CredentialStore workspaces,
			ActionAttempts actionAttempts, DeviceDirectory devices) {
		this.fixture = fixture;
		this.outages = outages;
		this.workspaces = workspaces;
		this.actionAttempts = actionAttempts;
		this.devices = devices;
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

	/**
	 * What Seam's fake's store dump holds that suites read, taken from the database for
	 * the seed workspaces (BEHAVIOUR 7.5): their managed devices and their action
	 * attempts, oldest first.
	 */
	@RequestMapping("/_fake/database")
	@SeamRoute(methods = GET, anonymous = true)
	Database database() {
		List<DeviceView> devices = new ArrayList<>();
		List<ActionAttemptView> attempts = new ArrayList<>();
		for (String workspaceId : SeedFixture.WORKSPACES) {
			devices.addAll(this.devices.all(workspaceId));
			attempts.addAll(this.actionAttempts.all(workspaceId));
		}
		return new Database(List.of(SeedFixture.WORKSPACES), devices, attempts, true);
	}

	/**
	 * Holds an action attempt of a seed workspace pending, or ends it as told, as Seam's
	 * fake lets its tests do (BEHAVIOUR 7.5).
	 */
	@RequestMapping("/_fake/update_action_attempt")
	@SeamRoute(methods = { PATCH, POST }, anonymous = true)
	ActionAttemptResponse updateActionAttempt(UpdateActionAttemptParams params) {
		for (String workspaceId : SeedFixture.WORKSPACES) {
			Optional<ActionAttemptView> updated = this.actionAttempts.update(workspaceId, params.actionAttemptId(),
					params.update());
			if (updated.isPresent()) {
				return new ActionAttemptResponse(updated.get(), true);
			}
		}
		throw ApiException.notFound("action_attempt_not_found", "Action attempt not found");
	}

	record Database(List<String> workspaceIds, List<DeviceView> devices, List<ActionAttemptView> actionAttempts,
			boolean ok) {
	}

	record ActionAttemptResponse(ActionAttemptView actionAttempt, boolean ok) {
	}

	/**
	 * The body Seam's fake takes: {@code action_attempt_id}, and {@code status}
	 * {@code pending}, {@code success} (with an optional {@code result} object) or
	 * {@code error} (with {@code error: {type, message}}).
	 */
	record UpdateActionAttemptParams(String actionAttemptId, ActionAttemptUpdate update) implements RouteParams {

		private static final List<String> STATUSES = List.of("success", "error", "pending");

		static UpdateActionAttemptParams from(SeamParams params) {
			String id = params.requiredString("action_attempt_id");
			String status = params.requiredString("status");
			if (status == null) {
				return new UpdateActionAttemptParams(id, null);
			}
			return new UpdateActionAttemptParams(id, switch (status) {
				case "pending" -> ActionAttemptUpdate.pending();
				case "success" -> ActionAttemptUpdate.success(result(params));
				case "error" -> error(params);
				default -> {
					params.addError("status", "Invalid enum value. Expected '" + String.join("' | '", STATUSES)
							+ "', received '" + status + "'");
					yield null;
				}
			});
		}

		private static JsonNode result(SeamParams params) {
			JsonNode result = params.jsonMember("result");
			if (result == null || result.isNull()) {
				return null;
			}
			if (!result.isObject()) {
				params.addError("result", "Expected object, received " + typeName(result));
				return null;
			}
			return result;
		}

		private static ActionAttemptUpdate error(SeamParams params) {
			JsonNode error = params.jsonMember("error");
			if (error == null) {
				params.addError("error", "Required");
				return null;
			}
			if (!error.isObject()) {
				params.addError("error", "Expected object, received " + typeName(error));
				return null;
			}
			String type = member(params, error, "type");
			String message = member(params, error, "message");
			return (type != null && message != null) ? ActionAttemptUpdate.error(type, message) : null;
		}

		private static String member(SeamParams params, JsonNode error, String name) {
			JsonNode value = error.get(name);
			if (value == null) {
				params.addError("error." + name, "Required");
				return null;
			}
			if (!value.isString()) {
				params.addError("error." + name, "Expected string, received " + typeName(value));
				return null;
			}
			return value.asString();
		}

		private static String typeName(JsonNode node) {
			return node.getNodeType().name().toLowerCase(Locale.ROOT);
		}

	}

	@RequestMapping("/_fake/default_seed")
	@SeamRoute(methods = { GET, POST }, anonymous = true)
	Map<String, String> defaultSeed() {
		return SeedFixture.DEFAULT_SEED;
	}

}
