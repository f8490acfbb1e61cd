package dev.emulator.seam.lock;

import java.util.Map;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.actionattempt.ActionAttempts;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.device.DeviceView;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.device.DeviceListRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the lock routes. A device that is not a lock is "not found" to them, as in
 * Seam's fake; a lock the caller's client session does not own is refused as
 * {@code /devices/get} refuses it.
 */
@Service
class LockService {

	static final String LOCK_DOOR = "LOCK_DOOR";

	static final String UNLOCK_DOOR = "UNLOCK_DOOR";

	private final DeviceDirectory devices;

	private final ActionAttempts attempts;

	LockService(DeviceDirectory devices, ActionAttempts attempts) {
		this.devices = devices;
		this.attempts = attempts;
	}

	DeviceView get(AuthContext auth, String deviceId, String name) {
		DeviceView device = this.devices.get(auth, deviceId, name);
		if (!LockDeviceTypes.ALL.contains(device.deviceType())) {
			throw notFound();
		}
		return device;
	}

	Paging.Page<DeviceView> list(AuthContext auth, DeviceListRequest request) {
		return this.devices.list(auth, request);
	}

	/**
	 * Starts a {@code LOCK_DOOR} or {@code UNLOCK_DOOR} attempt on a lock the caller may
	 * act on. Whether it can be done (online, remotely lockable) is decided when it is
	 * carried out, as on a real device.
	 */
	@Transactional
	ActionAttemptView act(AuthContext auth, String deviceId, String actionType, boolean sync) {
		DeviceRef device = this.devices.visible(auth, deviceId);
		if (!LockDeviceTypes.ALL.contains(device.deviceType())) {
			throw notFound();
		}
		return this.attempts.start(auth.workspaceId(), actionType, device.deviceId(), device.connectedAccountId(),
				Map.of(), sync);
	}

	private static ApiException notFound() {
		return ApiException.notFound(ErrorTypes.DEVICE_NOT_FOUND, "Device not found");
	}

}
