package dev.emulator.seam.noisesensor;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.actionattempt.ActionAttempts;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.support.Secrets;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the noise threshold routes. A device that is not a noise sensor is "not
 * found" to them; one the caller's client session does not own is refused as
 * {@code /devices/get} refuses it. As in Seam's fake, a write changes the stored
 * threshold at once and answers an action attempt that reports it to the device.
 */
@Service
class NoiseSensorService {

	static final Set<String> NOISE_SENSOR_TYPES = Set.of("noiseaware_activity_zone", "minut_sensor");

	static final String CREATE = "CREATE_NOISE_THRESHOLD";

	static final String UPDATE = "UPDATE_NOISE_THRESHOLD";

	static final String DELETE = "DELETE_NOISE_THRESHOLD";

	private final DeviceDirectory devices;

	private final ActionAttempts attempts;

	private final NoiseThresholdRepository repository;

	private final NoiseThresholdReads reads;

	private final Clock clock;

	NoiseSensorService(DeviceDirectory devices, ActionAttempts attempts, NoiseThresholdRepository repository,
			NoiseThresholdReads reads, Clock clock) {
		this.devices = devices;
		this.attempts = attempts;
		this.repository = repository;
		this.reads = reads;
		this.clock = clock;
	}

	List<NoiseThresholdView> list(AuthContext auth, String deviceId) {
		DeviceRef device = sensor(auth, deviceId);
		return this.reads.ofDevice(auth.workspaceId(), device.deviceId());
	}

	/**
	 * One threshold by its id: another workspace's is not found, and the device it is on
	 * must still be one the caller sees (BEHAVIOUR 4.3).
	 */
	NoiseThresholdView get(AuthContext auth, String noiseThresholdId) {
		NoiseThresholdView threshold = this.reads.find(auth.workspaceId(), noiseThresholdId)
			.orElseThrow(NoiseSensorService::thresholdNotFound);
		sensor(auth, threshold.deviceId());
		return threshold;
	}

	record Created(ActionAttemptView actionAttempt, NoiseThresholdView noiseThreshold) {
	}

	@Transactional
	Created create(AuthContext auth, NoiseThresholdParams.Create params) {
		DeviceRef device = sensor(auth, params.deviceId());
		String id = Secrets.newId();
		this.repository.saveAndFlush(
				NoiseThreshold.create(id, auth.workspaceId(), device.deviceId(), params, this.clock.instant()));
		ActionAttemptView attempt = this.attempts.start(auth.workspaceId(), CREATE, device.deviceId(),
				device.connectedAccountId(), Map.of("noise_threshold_id", id), params.sync());
		return new Created(attempt, this.reads.find(auth.workspaceId(), device.deviceId(), id).orElseThrow());
	}

	@Transactional
	ActionAttemptView update(AuthContext auth, NoiseThresholdParams.Update params) {
		DeviceRef device = sensor(auth, params.deviceId());
		NoiseThreshold threshold = this.repository
			.findForUpdate(auth.workspaceId(), device.deviceId(), params.noiseThresholdId())
			.orElseThrow(NoiseSensorService::thresholdNotFound);
		threshold.update(params);
		this.repository.flush();
		return this.attempts.start(auth.workspaceId(), UPDATE, device.deviceId(), device.connectedAccountId(),
				Map.of("noise_threshold_id", threshold.getId()), params.sync());
	}

	@Transactional
	ActionAttemptView delete(AuthContext auth, NoiseThresholdParams.Delete params) {
		DeviceRef device = sensor(auth, params.deviceId());
		NoiseThreshold threshold = this.repository
			.findForUpdate(auth.workspaceId(), device.deviceId(), params.noiseThresholdId())
			.orElseThrow(NoiseSensorService::thresholdNotFound);
		this.repository.delete(threshold);
		this.repository.flush();
		return this.attempts.start(auth.workspaceId(), DELETE, device.deviceId(), device.connectedAccountId(),
				Map.of("noise_threshold_id", threshold.getId()), params.sync());
	}

	private DeviceRef sensor(AuthContext auth, String deviceId) {
		DeviceRef device = this.devices.visible(auth, deviceId);
		if (!NOISE_SENSOR_TYPES.contains(device.deviceType())) {
			throw ApiException.notFound(ErrorTypes.DEVICE_NOT_FOUND, "Device not found");
		}
		return device;
	}

	private static ApiException thresholdNotFound() {
		return ApiException.notFound("noise_threshold_not_found", "Noise threshold not found");
	}

}
