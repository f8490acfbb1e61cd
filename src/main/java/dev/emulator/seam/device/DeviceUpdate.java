package dev.emulator.seam.device;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * What {@code /devices/update} changes; {@code null} leaves a member as it is.
 *
 * @param name the new name; the empty string clears the name a user gave, so the
 * provider's name shows again
 * @param customMetadata keys to set, a {@code null} value removing its key (merged into
 * what is stored)
 * @param unmanage whether {@code is_managed: false} was sent
 */
record DeviceUpdate(String deviceId, String name, Map<String, Object> customMetadata, boolean unmanage,
		Boolean backupAccessCodePoolEnabled) implements RouteParams {

	// OAS: custom_metadata holds up to 50 pairs, strings of at most 500 characters, or
	// booleans.
	static final int MAX_METADATA_KEYS = 50;

	static final int MAX_METADATA_STRING = 500;

	static DeviceUpdate from(SeamParams params) {
		String deviceId = params.requiredString("device_id");
		String name = params.isNull("name") ? null : params.string("name");
		JsonNode properties = params.jsonMember("properties");
		if (name == null && properties != null && !properties.isNull()) {
			if (!properties.isObject()) {
				params.addError("properties", "Expected object, received " + typeName(properties));
			}
			else {
				JsonNode deprecatedName = properties.get("name");
				if (deprecatedName != null && deprecatedName.isString()) {
					name = deprecatedName.asString();
				}
				else if (deprecatedName != null && !deprecatedName.isNull()) {
					params.addError("properties",
							"Expected string, received " + typeName(deprecatedName) + " for \"name\"");
				}
			}
		}
		Boolean managed = params.bool("is_managed");
		Boolean pool = params.bool("backup_access_code_pool_enabled");
		return new DeviceUpdate(deviceId, name, metadata(params), Boolean.FALSE.equals(managed), pool);
	}

	private static Map<String, Object> metadata(SeamParams params) {
		JsonNode node = params.jsonMember("custom_metadata");
		if (node == null) {
			return null;
		}
		if (!node.isObject()) {
			params.addError("custom_metadata", "Expected object, received " + typeName(node));
			return null;
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (value.isString() && value.asString().length() > MAX_METADATA_STRING) {
				params.addError("custom_metadata",
						"String must contain at most " + MAX_METADATA_STRING + " character(s)");
			}
			else if (value.isString()) {
				metadata.put(entry.getKey(), value.asString());
			}
			else if (value.isBoolean()) {
				metadata.put(entry.getKey(), value.asBoolean());
			}
			else if (value.isNull()) {
				metadata.put(entry.getKey(), null);
			}
			else {
				params.addError("custom_metadata", "Invalid input");
			}
		}
		if (metadata.size() > MAX_METADATA_KEYS) {
			params.addError("custom_metadata", "Object must contain at most " + MAX_METADATA_KEYS + " key(s)");
		}
		return metadata;
	}

	private static String typeName(JsonNode node) {
		if (node.isNull()) {
			return "null";
		}
		if (node.isArray()) {
			return "array";
		}
		if (node.isNumber()) {
			return "number";
		}
		if (node.isBoolean()) {
			return "boolean";
		}
		return node.isObject() ? "object" : "string";
	}

}
