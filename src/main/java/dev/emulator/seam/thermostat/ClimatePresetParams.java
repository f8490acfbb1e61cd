package dev.emulator.seam.thermostat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/** The parameters of the climate preset routes. */
final class ClimatePresetParams {

	static final List<String> PRESET_MODES = List.of("home", "away", "wake", "sleep", "occupied", "unoccupied");

	static final List<String> HVAC_MODES = List.of("off", "heat", "cool", "heat_cool", "eco");

	private ClimatePresetParams() {
	}

	/**
	 * A preset's members as sent (create and update): only those given, set points in °C
	 * and °F.
	 *
	 * @param members the preset members to store, {@code climate_preset_key} excluded
	 */
	record Write(String deviceId, String climatePresetKey, Map<String, Object> members) implements RouteParams {

		static Write from(SeamParams params) {
			String deviceId = params.requiredString("device_id");
			String key = params.requiredString("climate_preset_key");
			Map<String, Object> members = new LinkedHashMap<>();
			String name = params.string("name");
			if (name != null) {
				members.put("name", name);
				members.put("display_name", name);
			}
			enumMember(params, "climate_preset_mode", PRESET_MODES, members);
			enumMember(params, "hvac_mode_setting", HVAC_MODES, members);
			enumMember(params, "fan_mode_setting", ThermostatController.FAN_MODES, members);
			Boolean override = params.bool("manual_override_allowed");
			if (override != null) {
				members.put("manual_override_allowed", override);
			}
			for (String kind : new String[] { "heating", "cooling" }) {
				Double celsius = Temperatures.setPoint(params, kind + "_set_point");
				if (celsius != null) {
					members.put(kind + "_set_point_celsius", celsius);
					members.put(kind + "_set_point_fahrenheit", Temperatures.toFahrenheit(celsius));
				}
			}
			return new Write(deviceId, key, members);
		}

		private static void enumMember(SeamParams params, String name, List<String> allowed,
				Map<String, Object> members) {
			String value = params.string(name);
			if (value == null) {
				return;
			}
			if (!allowed.contains(value)) {
				params.addError(name, "Invalid enum value. Expected '" + String.join("' | '", allowed) + "', received '"
						+ value + "'");
				return;
			}
			members.put(name, value);
		}

	}

	record Key(String deviceId, String climatePresetKey) implements RouteParams {

		static Key from(SeamParams params) {
			return new Key(params.requiredString("device_id"), params.requiredString("climate_preset_key"));
		}

	}

}
