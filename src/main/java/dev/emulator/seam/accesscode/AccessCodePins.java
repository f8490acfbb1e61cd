package dev.emulator.seam.accesscode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.device.DeviceRef;

/**
 * The PINs a device accepts and new ones for it. Seam's OpenAPI takes 4 to 12 digits; a
 * device that reports {@code properties.supported_code_lengths} accepts only those
 * lengths.
 */
final class AccessCodePins {

	static final int MIN_LENGTH = 4;

	static final int MAX_LENGTH = 12;

	// A PIN opens a door: drawn from a cryptographically strong generator.
	private static final SecureRandom RANDOM = new SecureRandom();

	private AccessCodePins() {
	}

	/** The lengths the device accepts, shortest first. */
	static List<Integer> supportedLengths(DeviceRef device) {
		JsonNode lengths = device.properties().path("supported_code_lengths");
		List<Integer> supported = new ArrayList<>();
		if (lengths.isArray()) {
			lengths.forEach((length) -> {
				if (length.canConvertToInt() && length.asInt() >= MIN_LENGTH && length.asInt() <= MAX_LENGTH) {
					supported.add(length.asInt());
				}
			});
		}
		if (supported.isEmpty()) {
			for (int length = MIN_LENGTH; length <= MAX_LENGTH; length++) {
				supported.add(length);
			}
		}
		supported.sort(null);
		return supported;
	}

	/** Why the device refuses {@code code}, or null when it accepts it. */
	static String problem(DeviceRef device, String code) {
		List<Integer> supported = supportedLengths(device);
		if (!supported.contains(code.length())) {
			return "Code length must be one of " + supported + " for this device";
		}
		return null;
	}

	/**
	 * The length a generated code gets: {@code preferred} when the device accepts it,
	 * otherwise the device's shortest (4 digits for a device without constraints, as
	 * Seam's generated codes mostly are).
	 */
	static int lengthFor(DeviceRef device, Integer preferred) {
		List<Integer> supported = supportedLengths(device);
		return (preferred != null && supported.contains(preferred)) ? preferred : supported.get(0);
	}

	static String random(int length) {
		StringBuilder code = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			code.append((char) ('0' + RANDOM.nextInt(10)));
		}
		return code.toString();
	}

}
