package dev.emulator.seam.connectwebview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * The validated parameters of the {@code /connect_webviews/*} routes and of the sandbox
 * completion route.
 */
final class ConnectWebviewParams {

	static final List<String> DEVICE_SELECTION_MODES = List.of("none", "single", "multiple");

	static final List<String> CAPABILITIES = List.of("lock", "thermostat", "noise_sensor", "access_control", "camera");

	static final List<String> PROVIDER_CATEGORIES = List.of("stable", "consumer_smartlocks", "beta", "thermostats",
			"noise_sensors", "access_control_systems", "cameras", "connectors", "internal_beta");

	// Seam's fake gives a webview created without providers this one (store.ts
	// addConnectWebview).
	static final String DEFAULT_PROVIDER = "august";

	// OAS: custom_metadata values are strings of at most 500 characters, or booleans.
	private static final int MAX_METADATA_STRING = 500;

	private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

	private static final int MAX_SANDBOX_DEVICES = 50;

	private ConnectWebviewParams() {
	}

	record Create(List<String> acceptedProviders, List<String> acceptedCapabilities, String deviceSelectionMode,
			String customRedirectUrl, String customRedirectFailureUrl, Map<String, Object> customMetadata,
			boolean automaticallyManageNewDevices, boolean waitForDeviceCreation,
			String customerKey) implements RouteParams {

		static Create from(SeamParams params) {
			List<String> accepted = params.stringList("accepted_providers");
			// Deprecated single-provider form, still sent by older clients.
			String provider = params.nonEmptyString("provider");
			List<String> excluded = params.stringList("excluded_providers");
			List<String> capabilities = params.stringList("accepted_capabilities");
			if (capabilities != null) {
				capabilities.forEach((c) -> checkEnum(params, "accepted_capabilities", c, CAPABILITIES));
			}
			String mode = params.string("device_selection_mode");
			if (mode != null) {
				checkEnum(params, "device_selection_mode", mode, DEVICE_SELECTION_MODES);
			}
			String category = params.string("provider_category");
			if (category != null) {
				checkEnum(params, "provider_category", category, PROVIDER_CATEGORIES);
			}
			String redirect = params.string("custom_redirect_url");
			String failureRedirect = params.string("custom_redirect_failure_url");
			Map<String, Object> metadata = metadataObject(params, "custom_metadata");
			Boolean manage = params.bool("automatically_manage_new_devices");
			Boolean wait = params.bool("wait_for_device_creation");
			String customerKey = params.nonEmptyString("customer_key");
			return new Create(providers(accepted, provider, excluded),
					(capabilities != null) ? capabilities : List.of(), (mode != null) ? mode : "none",
					emptyToNull(redirect), emptyToNull(failureRedirect), metadata, manage == null || manage,
					Boolean.TRUE.equals(wait), customerKey);
		}

		private static List<String> providers(List<String> accepted, String provider, List<String> excluded) {
			List<String> providers = new ArrayList<>();
			if (provider != null) {
				providers.add(provider);
			}
			if (accepted != null) {
				accepted.stream().filter((p) -> !providers.contains(p)).forEach(providers::add);
			}
			if (accepted == null && provider == null) {
				providers.add(DEFAULT_PROVIDER);
			}
			if (excluded != null) {
				providers.removeAll(excluded);
			}
			return List.copyOf(providers);
		}

	}

	record Get(String connectWebviewId) implements RouteParams {

		static Get from(SeamParams params) {
			String id = params.requiredString("connect_webview_id");
			return new Get(id);
		}

	}

	/**
	 * @param customMetadataHas metadata key to the value it must have, as text (a boolean
	 * matches "true"/"false")
	 */
	record ListFilter(String userIdentifierKey, String customerKey, Map<String, String> customMetadataHas,
			String search, Paging.Request page) implements RouteParams {

		static ListFilter from(SeamParams params) {
			String userIdentifierKey = params.string("user_identifier_key");
			String customerKey = params.string("customer_key");
			String search = params.nonEmptyString("search");
			// In a query string nested objects are dotted keys (BEHAVIOUR 1.6):
			// custom_metadata_has.foo=bar.
			Map<String, String> has = new LinkedHashMap<>(params.dottedQueryObject("custom_metadata_has"));
			metadataObject(params, "custom_metadata_has").forEach((key, value) -> has.put(key, String.valueOf(value)));
			Paging.Request page = Paging.read(params, userIdentifierKey, customerKey, has, search);
			return new ListFilter(userIdentifierKey, customerKey, Map.copyOf(has), search, page);
		}

	}

	/**
	 * {@code /_sandbox/connect_webviews/complete}: what the simulated user chose and how
	 * much they own.
	 */
	record Complete(String connectWebviewId, String provider, String email, int deviceCount) implements RouteParams {

		static Complete from(SeamParams params) {
			String id = params.requiredString("connect_webview_id");
			String provider = params.nonEmptyString("provider");
			String email = params.nonEmptyString("email");
			if (email != null && !EMAIL.matcher(email).matches()) {
				params.addError("email", "Invalid email");
			}
			Integer count = params.integer("device_count");
			if (count != null && count < 0) {
				params.addError("device_count", "Number must be greater than or equal to 0");
			}
			else if (count != null && count > MAX_SANDBOX_DEVICES) {
				params.addError("device_count", "Number must be less than or equal to " + MAX_SANDBOX_DEVICES);
			}
			return new Complete(id, provider, email, (count != null) ? count : 2);
		}

	}

	/**
	 * An object of string (at most 500 characters) or boolean values, read from the JSON
	 * body; null values are dropped (Seam treats a null metadata value as "no such key").
	 * Absent: an empty map.
	 */
	private static Map<String, Object> metadataObject(SeamParams params, String name) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		JsonNode node = params.jsonMember(name);
		if (node == null) {
			return metadata;
		}
		if (!node.isObject()) {
			params.addError(name, "Expected object, received " + typeName(node));
			return metadata;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (value.isString()) {
				if (value.asString().length() > MAX_METADATA_STRING) {
					params.addError(name, "String must contain at most " + MAX_METADATA_STRING + " character(s)");
				}
				else {
					metadata.put(entry.getKey(), value.asString());
				}
			}
			else if (value.isBoolean()) {
				metadata.put(entry.getKey(), value.asBoolean());
			}
			else if (!value.isNull()) {
				params.addError(name, "Invalid input");
			}
		}
		return metadata;
	}

	/** zod's enum message. */
	private static void checkEnum(SeamParams params, String name, String value, List<String> allowed) {
		if (!allowed.contains(value)) {
			params.addError(name,
					"Invalid enum value. Expected '" + String.join("' | '", allowed) + "', received '" + value + "'");
		}
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
		return "string";
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
