package dev.emulator.seam.lock;

import java.util.List;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.device.DeviceView;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.web.SeamRoute;

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
	Many list(AuthContext auth, SeamParams params) {
		Paging.Page<DeviceView> result = this.service.list(auth, params);
		return new Many(result.items(), result.items(), result.pagination(), true);
	}

	@RequestMapping("/locks/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth, SeamParams params) {
		String deviceId = params.string("device_id");
		String name = params.string("name");
		if (isBlank(deviceId) && isBlank(name)) {
			params.addFormError("Either 'device_id' or 'name' is required");
		}
		params.throwIfInvalid();
		DeviceView lock = this.service.get(auth, isBlank(deviceId) ? null : deviceId, isBlank(name) ? null : name);
		return new One(lock, lock, true);
	}

	@RequestMapping("/locks/lock_door")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted lockDoor(AuthContext auth, SeamParams params) {
		return act(auth, params, LockService.LOCK_DOOR);
	}

	@RequestMapping("/locks/unlock_door")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted unlockDoor(AuthContext auth, SeamParams params) {
		return act(auth, params, LockService.UNLOCK_DOOR);
	}

	private Acted act(AuthContext auth, SeamParams params, String actionType) {
		String deviceId = params.requiredString("device_id");
		Boolean sync = params.bool("sync");
		params.throwIfInvalid();
		return new Acted(this.service.act(auth, deviceId, actionType, Boolean.TRUE.equals(sync)), true);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isEmpty();
	}

	record One(DeviceView lock, DeviceView device, boolean ok) {
	}

	/** Seam answers with both keys; {@code pagination} as {@code /devices/list} has it. */
	record Many(List<DeviceView> locks, List<DeviceView> devices, Paging.Pagination pagination, boolean ok) {
	}

	record Acted(ActionAttemptView actionAttempt, boolean ok) {
	}

}
