package dev.emulator.seam.device;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * The parameters of every route that reads one device by {@code device_id} and/or
 * {@code name} ({@code /devices/get}, {@code /locks/get}, {@code /thermostats/get}). An
 * empty string counts as missing; both are {@code null} when missing.
 */
public record DeviceGetParams(String deviceId, String name) implements RouteParams {

	static DeviceGetParams from(SeamParams params) {
		String deviceId = params.string("device_id");
		String name = params.string("name");
		// Seam's fake refines with Boolean(device_id) || Boolean(name): an empty string
		// counts as missing. A value of the wrong type is already reported for its
		// parameter.
		if (missing(params, "device_id", deviceId) && missing(params, "name", name)) {
			params.addFormError("Either 'device_id' or 'name' is required");
		}
		return new DeviceGetParams(emptyToNull(deviceId), emptyToNull(name));
	}

	private static boolean missing(SeamParams params, String name, String value) {
		return !params.isPresent(name) || "".equals(value);
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
