package dev.emulator.seam.device;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.web.SeamParams;

/**
 * The filters of {@code /devices/list} (BEHAVIOUR 4.3): each one given narrows the result
 * (AND); {@code null} means not given. {@code user_identifier_key} is not a filter of its
 * own but chooses the caller's scope (BEHAVIOUR 4.2).
 */
public record DeviceFilter(List<String> deviceIds, String connectedAccountId, List<String> connectedAccountIds,
		String deviceType, List<String> deviceTypes, String manufacturer, Instant createdBefore,
		String userIdentifierKey, String connectWebviewId, String customerKey, Map<String, String> customMetadataHas,
		List<String> includeIf, List<String> excludeIf, String search, String spaceId) {

	/**
	 * The capability flags {@code include_if} and {@code exclude_if} may name (OAS enum):
	 * a device has one when its optional top-level member or its property of that name is
	 * {@code true}.
	 */
	static final List<String> CAPABILITY_FLAGS = List.of("can_remotely_unlock", "can_remotely_lock",
			"can_program_offline_access_codes", "can_program_online_access_codes", "can_hvac_heat", "can_hvac_cool",
			"can_hvac_heat_cool", "can_turn_off_hvac", "can_simulate_removal", "can_simulate_connection",
			"can_simulate_disconnection", "can_unlock_with_code", "can_run_thermostat_programs",
			"can_program_thermostat_programs_as_weekday_weekend",
			"can_program_thermostat_programs_as_different_each_day", "can_program_thermostat_programs_as_same_each_day",
			"can_simulate_hub_connection", "can_simulate_hub_disconnection", "can_simulate_paid_subscription",
			"can_configure_auto_lock");

	/**
	 * Reads the filters, recording validation errors on {@code params}; the caller raises
	 * them.
	 */
	static DeviceFilter from(SeamParams params) {
		// In a query string nested objects are dotted keys: custom_metadata_has.foo=bar.
		Map<String, String> has = new TreeMap<>(params.dottedQueryObject("custom_metadata_has"));
		JsonNode sent = params.jsonMember("custom_metadata_has");
		if (sent != null && !sent.isNull()) {
			if (!sent.isObject()) {
				params.addError("custom_metadata_has",
						"Expected object, received " + sent.getNodeType().name().toLowerCase(Locale.ROOT));
			}
			else {
				sent.properties().forEach((member) -> {
					JsonNode value = member.getValue();
					if (value.isString() || value.isBoolean()) {
						// ->> renders a boolean as true/false, so one text comparison
						// matches both kinds of value.
						has.put(member.getKey(), value.asString());
					}
					else {
						params.addError("custom_metadata_has", "Invalid input");
					}
				});
			}
		}
		List<String> includeIf = capabilities(params, "include_if");
		List<String> excludeIf = capabilities(params, "exclude_if");
		return new DeviceFilter(params.stringList("device_ids"), params.string("connected_account_id"),
				params.stringList("connected_account_ids"), params.string("device_type"),
				params.stringList("device_types"), params.string("manufacturer"), params.instant("created_before"),
				params.string("user_identifier_key"), params.string("connect_webview_id"),
				params.string("customer_key"), has.isEmpty() ? null : Map.copyOf(has), includeIf, excludeIf,
				params.nonEmptyString("search"), spaceId(params));
	}

	private static List<String> capabilities(SeamParams params, String name) {
		List<String> flags = params.stringList(name);
		if (flags != null) {
			flags.stream()
				.filter((flag) -> !CAPABILITY_FLAGS.contains(flag))
				.findFirst()
				.ifPresent((flag) -> params.addError(name, "Invalid enum value '" + flag + "'"));
		}
		return flags;
	}

	// unstable_location_id is the deprecated name of space_id.
	private static String spaceId(SeamParams params) {
		String spaceId = params.string("space_id");
		String locationId = params.isNull("unstable_location_id") ? null : params.string("unstable_location_id");
		return (spaceId != null) ? spaceId : locationId;
	}

	DeviceFilter withDeviceTypes(List<String> types) {
		return new DeviceFilter(this.deviceIds, this.connectedAccountId, this.connectedAccountIds, this.deviceType,
				types, this.manufacturer, this.createdBefore, this.userIdentifierKey, this.connectWebviewId,
				this.customerKey, this.customMetadataHas, this.includeIf, this.excludeIf, this.search, this.spaceId);
	}

	/** What a page cursor is bound to: every filter, in a fixed order. */
	Object[] fingerprint() {
		return new Object[] { this.deviceIds, this.connectedAccountId, this.connectedAccountIds, this.deviceType,
				this.deviceTypes, this.manufacturer, this.createdBefore, this.userIdentifierKey, this.connectWebviewId,
				this.customerKey, (this.customMetadataHas != null) ? new TreeMap<>(this.customMetadataHas) : null,
				this.includeIf, this.excludeIf, this.search, this.spaceId };
	}

}
