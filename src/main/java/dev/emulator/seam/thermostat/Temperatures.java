package dev.emulator.seam.thermostat;

import dev.emulator.seam.web.SeamParams;

/**
 * Set points as Seam takes them: in °C or in °F, never both; stored in °C with the °F
 * value beside.
 */
final class Temperatures {

	private Temperatures() {
	}

	static double toFahrenheit(double celsius) {
		return Math.round((celsius * 9 / 5 + 32) * 100) / 100.0;
	}

	static double toCelsius(double fahrenheit) {
		return Math.round(((fahrenheit - 32) * 5 / 9) * 100) / 100.0;
	}

	/**
	 * The set point {@code <prefix>_celsius} or {@code <prefix>_fahrenheit}, in °C;
	 * {@code null} when neither is sent. Both sent is a form error, with the fake's
	 * wording.
	 */
	static Double setPoint(SeamParams params, String prefix) {
		Double celsius = number(params, prefix + "_celsius");
		Double fahrenheit = number(params, prefix + "_fahrenheit");
		if (celsius != null && fahrenheit != null) {
			params.addFormError("You cannot set both " + prefix + "_celsius and " + prefix + "_fahrenheit");
			return null;
		}
		return (celsius != null) ? celsius : (fahrenheit != null) ? toCelsius(fahrenheit) : null;
	}

	private static Double number(SeamParams params, String name) {
		return params.number(name);
	}

}
