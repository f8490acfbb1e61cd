package dev.emulator.seam.devicedb;

import java.util.List;
import java.util.regex.Pattern;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * The parameters of the device database routes, as Seam's device database declares them
 * (ids are uuids, categories and support levels are enums, {@code include_if} and
 * {@code exclude_if} are dotted paths), worded as its validation library words failures
 * (BEHAVIOUR 1.8, 4.9).
 */
final class DevicedbParams {

	static final List<String> CATEGORIES = List.of("smartlock", "sensor", "thermostat", "relay", "intercom",
			"accessory");

	static final List<String> SUPPORT_LEVELS = List.of("stable", "beta", "planned", "unsupported", "inquire");

	private static final Pattern UUID = Pattern
		.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

	private static final Pattern DOT_PATH = Pattern.compile("^([a-z])[a-z_.]*[a-z]+$");

	private DevicedbParams() {
	}

	record ManufacturerList(String integrationStatus, List<String> integrationSupportLevels,
			String liqeQuery) implements RouteParams {

		static ManufacturerList from(SeamParams params) {
			return new ManufacturerList(oneOf(params, "integration_status", SUPPORT_LEVELS),
					allOf(params, "integration_support_levels", SUPPORT_LEVELS), params.string("liqe_query"));
		}

	}

	record ManufacturerGet(String manufacturerId) implements RouteParams {

		static ManufacturerGet from(SeamParams params) {
			return new ManufacturerGet(requiredUuid(params, "manufacturer_id"));
		}

	}

	record DeviceModelList(String mainCategory, String manufacturerId, List<String> manufacturerIds,
			String integrationStatus, List<String> integrationSupportLevels, String textSearch, List<String> includeIf,
			List<String> excludeIf) implements RouteParams {

		static DeviceModelList from(SeamParams params) {
			String category = oneOf(params, "main_category", CATEGORIES);
			String manufacturerId = params.isPresent("manufacturer_id") ? requiredUuid(params, "manufacturer_id")
					: null;
			List<String> manufacturerIds = params.stringList("manufacturer_ids");
			if (manufacturerIds != null) {
				for (String id : manufacturerIds) {
					if (!UUID.matcher(id).matches()) {
						params.addError("manufacturer_ids", "Invalid uuid");
						break;
					}
				}
			}
			return new DeviceModelList(category, manufacturerId, manufacturerIds,
					oneOf(params, "integration_status", SUPPORT_LEVELS),
					allOf(params, "integration_support_levels", SUPPORT_LEVELS), params.string("text_search"),
					dotPaths(params, "include_if"), dotPaths(params, "exclude_if"));
		}

	}

	record DeviceModelGet(String deviceModelId) implements RouteParams {

		static DeviceModelGet from(SeamParams params) {
			return new DeviceModelGet(requiredUuid(params, "device_model_id"));
		}

	}

	/**
	 * An image of the catalogue; any non-empty id, since an unknown one is simply not
	 * found.
	 */
	record Image(String imageId) implements RouteParams {

		static Image from(SeamParams params) {
			return new Image(params.requiredString("image_id"));
		}

	}

	private static String requiredUuid(SeamParams params, String name) {
		String value = params.requiredString(name);
		if (value != null && !UUID.matcher(value).matches()) {
			params.addError(name, "Invalid uuid");
		}
		return value;
	}

	private static String oneOf(SeamParams params, String name, List<String> allowed) {
		String value = params.string(name);
		if (value != null && !allowed.contains(value)) {
			params.addError(name, enumMessage(allowed, value));
		}
		return value;
	}

	private static List<String> allOf(SeamParams params, String name, List<String> allowed) {
		List<String> values = params.stringList(name);
		if (values != null) {
			for (String value : values) {
				if (!allowed.contains(value)) {
					params.addError(name, enumMessage(allowed, value));
					break;
				}
			}
		}
		return values;
	}

	private static List<String> dotPaths(SeamParams params, String name) {
		List<String> values = params.stringList(name);
		if (values != null) {
			for (String value : values) {
				if (!DOT_PATH.matcher(value).matches()) {
					params.addError(name, "Invalid");
					break;
				}
			}
		}
		return values;
	}

	private static String enumMessage(List<String> allowed, String received) {
		return "Invalid enum value. Expected " + String.join(" | ", allowed.stream().map((v) -> "'" + v + "'").toList())
				+ ", received '" + received + "'";
	}

}
