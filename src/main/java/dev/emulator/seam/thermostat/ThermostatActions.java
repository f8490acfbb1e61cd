package dev.emulator.seam.thermostat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.actionattempt.ActionAttemptHandler;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.event.EventLog;

import org.springframework.stereotype.Component;

/**
 * Carries out due {@code SET_HVAC_MODE} and {@code SET_FAN_MODE} attempts: the
 * thermostat's {@code current_climate_setting} or {@code fan_mode_setting}, and a
 * {@code thermostat.manually_adjusted} event ({@code method: seam}) with what was set; or
 * the attempt's error when the device is gone or offline.
 */
@Component
class ThermostatActions implements ActionAttemptHandler {

	private final DeviceDirectory devices;

	private final EventLog events;

	ThermostatActions(DeviceDirectory devices, EventLog events) {
		this.devices = devices;
		this.events = events;
	}

	@Override
	public Set<String> actionTypes() {
		return Set.of(ThermostatService.SET_HVAC_MODE, ThermostatService.SET_FAN_MODE,
				ClimatePresetService.ACTIVATE_CLIMATE_PRESET);
	}

	@Override
	public Outcome complete(DueAttempt attempt) {
		Optional<DeviceRef> found = this.devices.find(attempt.workspaceId(), attempt.deviceId());
		if (found.isEmpty()) {
			return Outcome.error("device_not_found", "Device not found");
		}
		DeviceRef device = found.get();
		if (!device.isOnline()) {
			return Outcome.error("device_offline", "Device is offline");
		}
		if (ClimatePresetService.ACTIVATE_CLIMATE_PRESET.equals(attempt.actionType())) {
			return activate(attempt, device);
		}
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("method", "seam");
		if (ThermostatService.SET_FAN_MODE.equals(attempt.actionType())) {
			String fanMode = (String) attempt.params().get("fan_mode_setting");
			this.devices.setClimate(attempt.workspaceId(), device.deviceId(), Map.of(), fanMode);
			event.put("fan_mode_setting", fanMode);
		}
		else {
			Map<String, Object> climate = climateSetting(attempt.params());
			this.devices.setClimate(attempt.workspaceId(), device.deviceId(), climate, null);
			event.putAll(climate);
			event.remove("automatic_heating_enabled");
			event.remove("automatic_cooling_enabled");
		}
		this.events.append(attempt.workspaceId(),
				new EventLog.NewEvent("thermostat.manually_adjusted", "The thermostat was adjusted through Seam.",
						device.deviceId(), device.connectedAccountId(), null, null, event),
				attempt.completedAt());
		return Outcome.success(Map.of());
	}

	/**
	 * The preset's mode, fan mode and set points become the current climate setting, with
	 * its key; a preset deleted since the attempt started is
	 * {@code climate_preset_not_found}.
	 */
	private Outcome activate(DueAttempt attempt, DeviceRef device) {
		String key = (String) attempt.params().get("climate_preset_key");
		JsonNode preset = ClimatePresetService.preset(device, key);
		if (preset == null) {
			return Outcome.error("climate_preset_not_found", "Climate preset not found");
		}
		Map<String, Object> climate = new LinkedHashMap<>();
		climate.put("climate_preset_key", key);
		for (String member : new String[] { "hvac_mode_setting", "manual_override_allowed", "heating_set_point_celsius",
				"heating_set_point_fahrenheit", "cooling_set_point_celsius", "cooling_set_point_fahrenheit", "name",
				"display_name" }) {
			if (preset.has(member) && !preset.get(member).isNull()) {
				climate.put(member, preset.get(member));
			}
		}
		String mode = preset.path("hvac_mode_setting").asString(null);
		if (mode != null) {
			climate.put("automatic_heating_enabled", "heat".equals(mode) || "heat_cool".equals(mode));
			climate.put("automatic_cooling_enabled", "cool".equals(mode) || "heat_cool".equals(mode));
		}
		String fanMode = preset.path("fan_mode_setting").asString(null);
		this.devices.setClimate(attempt.workspaceId(), device.deviceId(), climate, fanMode);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("climate_preset_key", key);
		event.put("thermostat_schedule_id", null);
		event.put("is_fallback_climate_preset",
				key.equals(device.properties().path("fallback_climate_preset_key").asString(null)));
		this.events.append(attempt.workspaceId(),
				new EventLog.NewEvent("thermostat.climate_preset_activated",
						"A thermostat climate preset was activated.", device.deviceId(), device.connectedAccountId(),
						null, null, event),
				attempt.completedAt());
		return Outcome.success(Map.of());
	}

	/**
	 * The members of {@code current_climate_setting} a mode change sets; set points in °C
	 * and °F.
	 */
	private static Map<String, Object> climateSetting(Map<String, Object> params) {
		String mode = (String) params.get("hvac_mode_setting");
		Map<String, Object> climate = new LinkedHashMap<>();
		climate.put("hvac_mode_setting", mode);
		climate.put("automatic_heating_enabled", "heat".equals(mode) || "heat_cool".equals(mode));
		climate.put("automatic_cooling_enabled", "cool".equals(mode) || "heat_cool".equals(mode));
		for (String kind : new String[] { "heating", "cooling" }) {
			Object celsius = params.get(kind + "_set_point_celsius");
			if (celsius instanceof Number number) {
				climate.put(kind + "_set_point_celsius", number.doubleValue());
				climate.put(kind + "_set_point_fahrenheit", Temperatures.toFahrenheit(number.doubleValue()));
			}
		}
		return climate;
	}

}
