package dev.emulator.seam.thermostat;

import java.util.Set;

/**
 * The device types Seam's OpenAPI counts as thermostats (the enum of
 * {@code /thermostats/list}'s {@code device_type}).
 */
final class ThermostatDeviceTypes {

	static final Set<String> ALL = Set.of("ecobee_thermostat", "nest_thermostat", "honeywell_resideo_thermostat",
			"tado_thermostat", "sensi_thermostat", "smartthings_thermostat");

	private ThermostatDeviceTypes() {
	}

}
