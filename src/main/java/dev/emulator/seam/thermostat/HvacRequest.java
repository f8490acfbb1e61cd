package dev.emulator.seam.thermostat;

import java.util.List;

import dev.emulator.seam.web.SeamParams;

/**
 * What an HVAC mode route asks for: the mode and the set points in °C it sends
 * ({@code null}: keep the thermostat's current one).
 */
record HvacRequest(String deviceId, String hvacModeSetting, Double heatingSetPointCelsius,
		Double coolingSetPointCelsius, boolean sync) {

	static final List<String> MODES = List.of("off", "heat", "cool", "heat_cool");

	/**
	 * Reads the request for {@code mode}; {@code null} reads the mode from
	 * {@code hvac_mode_setting}.
	 */
	static HvacRequest read(SeamParams params, String mode) {
		String deviceId = params.requiredString("device_id");
		String hvacMode = mode;
		if (hvacMode == null) {
			hvacMode = params.requiredString("hvac_mode_setting");
			if (hvacMode != null && !MODES.contains(hvacMode)) {
				params.addError("hvac_mode_setting", "Invalid enum value. Expected '" + String.join("' | '", MODES)
						+ "', received '" + hvacMode + "'");
			}
		}
		boolean heats = "heat".equals(hvacMode) || "heat_cool".equals(hvacMode);
		boolean cools = "cool".equals(hvacMode) || "heat_cool".equals(hvacMode);
		Double heating = heats ? Temperatures.setPoint(params, "heating_set_point") : null;
		Double cooling = cools ? Temperatures.setPoint(params, "cooling_set_point") : null;
		if ("heat_cool".equals(hvacMode) && (heating == null || cooling == null)) {
			params.addFormError("You must set both a heating setpoint and a cooling setpoint");
		}
		return new HvacRequest(deviceId, hvacMode, heating, cooling, Boolean.TRUE.equals(params.bool("sync")));
	}

}
