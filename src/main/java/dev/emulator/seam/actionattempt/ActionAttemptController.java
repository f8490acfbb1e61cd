package dev.emulator.seam.actionattempt;

import java.util.List;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code /action_attempts/get} and {@code /list}; methods and credentials as in Seam's
 * OpenAPI (the list takes no client session).
 */
@RestController
class ActionAttemptController {

	private final ActionAttemptService service;

	ActionAttemptController(ActionAttemptService service) {
		this.service = service;
	}

	@RequestMapping("/action_attempts/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth, GetParams params) {
		return new One(this.service.get(auth, params.actionAttemptId()), true);
	}

	@RequestMapping("/action_attempts/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	Many list(AuthContext auth, ListParams params) {
		Paging.Page<ActionAttemptView> result = this.service.list(auth, params.actionAttemptIds(), params.deviceId(),
				params.page());
		return new Many(result.items(), result.pagination(), true);
	}

	record GetParams(String actionAttemptId) implements RouteParams {

		static GetParams from(SeamParams params) {
			return new GetParams(params.requiredString("action_attempt_id"));
		}

	}

	record ListParams(List<String> actionAttemptIds, String deviceId, Paging.Request page) implements RouteParams {

		static ListParams from(SeamParams params) {
			List<String> ids = params.stringList("action_attempt_ids");
			String deviceId = params.nonEmptyString("device_id");
			return new ListParams(ids, deviceId, Paging.read(params, ids, deviceId));
		}

	}

	record One(ActionAttemptView actionAttempt, boolean ok) {
	}

	record Many(List<ActionAttemptView> actionAttempts, Paging.Pagination pagination, boolean ok) {
	}

}
