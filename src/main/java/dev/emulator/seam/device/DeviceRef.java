package dev.emulator.seam.device;

import tools.jackson.databind.JsonNode;

/**
 * What another feature needs to know about one managed device to act on it: who owns it,
 * what it is, and the state its action depends on.
 *
 * @param properties the stored {@code properties} object ({@code online}, {@code locked},
 * {@code supported_code_lengths}, ...)
 * @param attributes the stored optional top-level members ({@code can_remotely_lock},
 * ...)
 */
public record DeviceRef(String deviceId, String workspaceId, String connectedAccountId, String deviceType,
		JsonNode properties, JsonNode attributes) {

	public boolean isOnline() {
		return this.properties.path("online").asBoolean(false);
	}

	/** Whether the optional top-level member or property {@code name} is {@code true}. */
	public boolean can(String name) {
		return this.attributes.path(name).asBoolean(false) || this.properties.path(name).asBoolean(false);
	}

}
