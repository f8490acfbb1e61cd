package dev.emulator.seam.noisesensor;

import java.util.Map;
import java.util.Set;

import dev.emulator.seam.actionattempt.ActionAttemptHandler;
import dev.emulator.seam.device.DeviceDirectory;

import org.springframework.stereotype.Component;

/**
 * Carries out due noise threshold attempts: the stored threshold already holds the
 * change, so the attempt ends as the device takes it, or with {@code device_offline} /
 * {@code device_not_found}.
 */
@Component
class NoiseThresholdActions implements ActionAttemptHandler {

	private final DeviceDirectory devices;

	NoiseThresholdActions(DeviceDirectory devices) {
		this.devices = devices;
	}

	@Override
	public Set<String> actionTypes() {
		return Set.of(NoiseSensorService.CREATE, NoiseSensorService.UPDATE, NoiseSensorService.DELETE);
	}

	@Override
	public Outcome complete(DueAttempt attempt) {
		return this.devices.find(attempt.workspaceId(), attempt.deviceId())
			.map((device) -> device.isOnline() ? Outcome.success(Map.of())
					: Outcome.error("device_offline", "Device is offline"))
			.orElse(Outcome.error("device_not_found", "Device not found"));
	}

}
