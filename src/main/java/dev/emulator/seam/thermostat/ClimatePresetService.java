package dev.emulator.seam.thermostat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.actionattempt.ActionAttempts;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A thermostat's climate presets, kept in its
 * {@code properties.available_climate_presets}: created, updated and deleted at once;
 * activated through an {@code ACTIVATE_CLIMATE_PRESET} attempt.
 */
@Service
class ClimatePresetService {

	static final String ACTIVATE_CLIMATE_PRESET = "ACTIVATE_CLIMATE_PRESET";

	private final DeviceDirectory devices;

	private final ActionAttempts attempts;

	ClimatePresetService(DeviceDirectory devices, ActionAttempts attempts) {
		this.devices = devices;
		this.attempts = attempts;
	}

	@Transactional
	void create(AuthContext auth, ClimatePresetParams.Write params) {
		DeviceRef device = thermostat(auth, params.deviceId());
		this.devices.changeClimatePresets(auth.workspaceId(), device.deviceId(), (presets) -> {
			if (indexOf(presets, params.climatePresetKey()) >= 0) {
				throw ApiException.badRequest("climate_preset_already_exists",
						"A climate preset with key '" + params.climatePresetKey() + "' already exists");
			}
			Map<String, Object> preset = new LinkedHashMap<>();
			preset.put("climate_preset_key", params.climatePresetKey());
			preset.put("display_name", params.climatePresetKey());
			preset.put("can_edit", true);
			preset.put("can_delete", true);
			preset.put("can_use_with_thermostat_daily_programs", false);
			preset.put("manual_override_allowed", true);
			preset.putAll(params.members());
			List<Map<String, Object>> changed = new ArrayList<>(presets);
			changed.add(preset);
			return changed;
		});
	}

	@Transactional
	void update(AuthContext auth, ClimatePresetParams.Write params) {
		DeviceRef device = thermostat(auth, params.deviceId());
		this.devices.changeClimatePresets(auth.workspaceId(), device.deviceId(), (presets) -> {
			int index = existing(presets, params.climatePresetKey());
			if (Boolean.FALSE.equals(presets.get(index).get("can_edit"))) {
				throw ApiException.badRequest("climate_preset_not_editable", "This climate preset cannot be edited");
			}
			List<Map<String, Object>> changed = new ArrayList<>(presets);
			Map<String, Object> preset = new LinkedHashMap<>(presets.get(index));
			preset.putAll(params.members());
			changed.set(index, preset);
			return changed;
		});
	}

	@Transactional
	void delete(AuthContext auth, ClimatePresetParams.Key params) {
		DeviceRef device = thermostat(auth, params.deviceId());
		this.devices.changeClimatePresets(auth.workspaceId(), device.deviceId(), (presets) -> {
			int index = existing(presets, params.climatePresetKey());
			if (Boolean.FALSE.equals(presets.get(index).get("can_delete"))) {
				throw ApiException.badRequest("climate_preset_not_deletable", "This climate preset cannot be deleted");
			}
			List<Map<String, Object>> changed = new ArrayList<>(presets);
			changed.remove(index);
			return changed;
		});
	}

	@Transactional
	ActionAttemptView activate(AuthContext auth, ClimatePresetParams.Key params) {
		DeviceRef device = thermostat(auth, params.deviceId());
		if (preset(device, params.climatePresetKey()) == null) {
			throw notFound();
		}
		return this.attempts.start(auth.workspaceId(), ACTIVATE_CLIMATE_PRESET, device.deviceId(),
				device.connectedAccountId(), Map.of("climate_preset_key", params.climatePresetKey()), false);
	}

	/** The stored preset {@code key} of the device, or {@code null}. */
	static JsonNode preset(DeviceRef device, String key) {
		for (JsonNode preset : device.properties().path("available_climate_presets")) {
			if (key.equals(preset.path("climate_preset_key").asString(null))) {
				return preset;
			}
		}
		return null;
	}

	private DeviceRef thermostat(AuthContext auth, String deviceId) {
		DeviceRef device = this.devices.visible(auth, deviceId);
		if (!ThermostatDeviceTypes.ALL.contains(device.deviceType())) {
			throw ApiException.notFound(ErrorTypes.DEVICE_NOT_FOUND, "Device not found");
		}
		return device;
	}

	private static int existing(List<Map<String, Object>> presets, String key) {
		int index = indexOf(presets, key);
		if (index < 0) {
			throw notFound();
		}
		return index;
	}

	private static int indexOf(List<Map<String, Object>> presets, String key) {
		for (int i = 0; i < presets.size(); i++) {
			if (key.equals(presets.get(i).get("climate_preset_key"))) {
				return i;
			}
		}
		return -1;
	}

	private static ApiException notFound() {
		return ApiException.notFound("climate_preset_not_found", "Climate preset not found");
	}

}
