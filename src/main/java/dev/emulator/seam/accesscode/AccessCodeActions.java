package dev.emulator.seam.accesscode;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.actionattempt.ActionAttemptHandler;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceRef;

import org.springframework.stereotype.Component;

/**
 * Carries out due access code attempts. Creating or updating ends with the code
 * {@code set} on an online device ({@code access_code.set_on_device}); on an offline
 * device the attempt fails and the code stays {@code setting}. A delete already happened
 * when it was asked for, so its attempt just succeeds.
 */
@Component
class AccessCodeActions implements ActionAttemptHandler {

	private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {
	};

	private final AccessCodeRepository codes;

	private final AccessCodeReads reads;

	private final AccessCodeEvents events;

	private final DeviceDirectory devices;

	private final JsonMapper jsonMapper;

	AccessCodeActions(AccessCodeRepository codes, AccessCodeReads reads, AccessCodeEvents events,
			DeviceDirectory devices, JsonMapper jsonMapper) {
		this.codes = codes;
		this.reads = reads;
		this.events = events;
		this.devices = devices;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Set<String> actionTypes() {
		return Set.of(AccessCodeService.CREATE_ACCESS_CODE, AccessCodeService.UPDATE_ACCESS_CODE,
				AccessCodeService.DELETE_ACCESS_CODE);
	}

	@Override
	public Outcome complete(DueAttempt attempt) {
		if (AccessCodeService.DELETE_ACCESS_CODE.equals(attempt.actionType())) {
			return Outcome.success(Map.of());
		}
		Optional<AccessCode> found = this.codes.findByWorkspaceIdAndIdForUpdate(attempt.workspaceId(),
				String.valueOf(attempt.params().get("access_code_id")));
		if (found.isEmpty()) {
			// Deleted before it was set: nothing is left to set.
			return Outcome.success(Map.of());
		}
		AccessCode code = found.get();
		Optional<DeviceRef> device = this.devices.find(attempt.workspaceId(), code.getDeviceId());
		if (device.isEmpty() || !device.get().isOnline()) {
			return Outcome.error("device_offline", "Device is offline");
		}
		if (code.markSet()) {
			this.codes.flush();
			this.events.record(code, device.get(), "access_code.set_on_device", "An access code was set on the device.",
					Map.of("code", code.getCode()), attempt.completedAt());
		}
		AccessCodeReads.Row now = this.reads.find(attempt.workspaceId(), code.getId()).orElseThrow();
		return Outcome
			.success(Map.of("access_code", this.jsonMapper.convertValue(now.view(attempt.completedAt()), MEMBERS)));
	}

}
