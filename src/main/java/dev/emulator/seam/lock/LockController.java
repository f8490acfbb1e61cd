package dev.emulator.seam.lock;

import java.util.List;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.device.DeviceView;
import dev.emulator.seam.device.DeviceGetParams;
import dev.emulator.seam.device.DeviceListRequest;
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

/** {@code /locks/*}; methods and credentials as in Seam's OpenAPI. */
@RestController
class LockController {

	private final LockService service;

	LockController(LockService service) {
		this.service = service;
	}

	@RequestMapping("/locks/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Many list(AuthContext auth, ListParams params) {
		Paging.Page<DeviceView> result = this.service.list(auth, params.request());
		return new Many(result.items(), result.items(), result.pagination(), true);
	}

	@RequestMapping("/locks/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth, DeviceGetParams params) {
		DeviceView lock = this.service.get(auth, params.deviceId(), params.name());
		return new One(lock, lock, true);
	}

	@RequestMapping("/locks/lock_door")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted lockDoor(AuthContext auth, ActParams params) {
		return act(auth, params, LockService.LOCK_DOOR);
	}

	@RequestMapping("/locks/unlock_door")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted unlockDoor(AuthContext auth, ActParams params) {
		return act(auth, params, LockService.UNLOCK_DOOR);
	}

	private Acted act(AuthContext auth, ActParams params, String actionType) {
		return new Acted(this.service.act(auth, params.deviceId(), actionType, params.sync()), true);
	}

	record ListParams(DeviceListRequest request) implements RouteParams {

		static ListParams from(SeamParams params) {
			return new ListParams(DeviceListRequest.read(params, LockDeviceTypes.ALL));
		}

	}

	record ActParams(String deviceId, boolean sync) implements RouteParams {

		static ActParams from(SeamParams params) {
			String deviceId = params.requiredString("device_id");
			return new ActParams(deviceId, Boolean.TRUE.equals(params.bool("sync")));
		}

	}

	record One(DeviceView lock, DeviceView device, boolean ok) {
	}

	/**
	 * Seam answers with both keys; {@code pagination} as {@code /devices/list} has it.
	 */
	record Many(List<DeviceView> locks, List<DeviceView> devices, Paging.Pagination pagination, boolean ok) {
	}

	record Acted(ActionAttemptView actionAttempt, boolean ok) {
	}

}
