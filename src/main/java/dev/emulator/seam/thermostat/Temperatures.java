package dev.emulator.seam.thermostat;

import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.web.SeamParams;

/** Set points as Seam takes them: in °C or in °F, never both; stored in °C with the °F value beside. */
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
	 * The set point {@code <prefix>_celsius} or {@code <prefix>_fahrenheit}, in °C; {@code null} when neither is
	 * sent. Both sent is a form error, with the fake's wording.
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

	/** An optional finite number, from a JSON body or a query string. */
	static Double number(SeamParams params, String name) {
		if (!params.isPresent(name)) {
			return null;
		}
		JsonNode node = params.jsonMember(name);
		if (node != null) {
			if (!node.isNumber()) {
				params.addError(name, "Expected number, received " + (node.isNull() ? "null" : node.isString() ? "string"
						: node.isBoolean() ? "boolean" : node.isArray() ? "array" : "object"));
				return null;
			}
			return checked(params, name, node.asDouble());
		}
		List<String> values = params.stringList(name);
		if (values == null || values.size() != 1) {
			params.addError(name, "Expected number, received array");
			return null;
		}
		try {
			return checked(params, name, Double.parseDouble(values.get(0)));
		}
		catch (NumberFormatException ex) {
			params.addError(name, "Expected number, received nan");
			return null;
		}
	}

	private static Double checked(SeamParams params, String name, double value) {
		if (!Double.isFinite(value)) {
			params.addError(name, "Expected number, received nan");
			return null;
		}
		return value;
	}

}
