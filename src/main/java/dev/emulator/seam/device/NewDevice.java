package dev.emulator.seam.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What another feature asks for when a device appears (the sandbox's Connect Webview
 * completion).
 *
 * @param properties the device's {@code properties} object
 * @param attributes optional top-level device members ({@code can_remotely_lock}, ...),
 * emitted as they are
 */
public record NewDevice(String deviceId, String connectedAccountId, String deviceType, String displayName,
		boolean managed, List<String> capabilitiesSupported, Map<String, Object> properties,
		Map<String, Object> attributes, Instant createdAt) {

	public NewDevice {
		capabilitiesSupported = List.copyOf(capabilitiesSupported);
		properties = Map.copyOf(properties);
		attributes = Map.copyOf(attributes);
	}

}
