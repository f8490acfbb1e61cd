package dev.emulator.seam.lock;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.emulator.seam.actionattempt.ActionAttemptHandler;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.event.EventLog;

import org.springframework.stereotype.Component;

/**
 * Carries out due {@code LOCK_DOOR} and {@code UNLOCK_DOOR} attempts: the device's
 * {@code properties.locked} and the {@code lock.locked} / {@code lock.unlocked} event
 * ({@code method: remote}, naming the attempt), or the attempt's error when the lock
 * cannot do it now.
 */
@Component
class LockActions implements ActionAttemptHandler {

	private final DeviceDirectory devices;

	private final EventLog events;

	LockActions(DeviceDirectory devices, EventLog events) {
		this.devices = devices;
		this.events = events;
	}

	@Override
	public Set<String> actionTypes() {
		return Set.of(LockService.LOCK_DOOR, LockService.UNLOCK_DOOR);
	}

	@Override
	public Outcome complete(DueAttempt attempt) {
		boolean lock = LockService.LOCK_DOOR.equals(attempt.actionType());
		Optional<DeviceRef> found = this.devices.find(attempt.workspaceId(), attempt.deviceId());
		if (found.isEmpty()) {
			return Outcome.error("device_not_found", "Device not found");
		}
		DeviceRef device = found.get();
		if (!device.isOnline()) {
			return Outcome.error("device_offline", "Device is offline");
		}
		if (!device.can(lock ? "can_remotely_lock" : "can_remotely_unlock")) {
			return Outcome.error("action_not_supported",
					lock ? "Device cannot be locked remotely" : "Device cannot be unlocked remotely");
		}
		this.devices.setLocked(attempt.workspaceId(), device.deviceId(), lock);
		this.events.append(attempt.workspaceId(),
				new EventLog.NewEvent(lock ? "lock.locked" : "lock.unlocked",
						lock ? "The lock was locked." : "The lock was unlocked.", device.deviceId(),
						device.connectedAccountId(), null, null,
						Map.of("method", "remote", "action_attempt_id", attempt.actionAttemptId())),
				attempt.completedAt());
		return Outcome.success(Map.of("was_confirmed_by_device", true));
	}

}
