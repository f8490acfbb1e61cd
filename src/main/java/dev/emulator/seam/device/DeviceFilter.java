package dev.emulator.seam.device;

import java.time.Instant;
import java.util.List;

import dev.emulator.seam.web.SeamParams;

/**
 * The filters of {@code /devices/list} (CONTRACT 4.3): each one given narrows the result (AND); {@code null} means
 * not given. {@code user_identifier_key} is not a filter of its own but chooses the caller's scope (CONTRACT 4.2).
 */
public record DeviceFilter(List<String> deviceIds, String connectedAccountId, List<String> connectedAccountIds,
		String deviceType, List<String> deviceTypes, String manufacturer, Instant createdBefore,
		String userIdentifierKey) {

	/** Reads the filters, recording validation errors on {@code params}; the caller raises them. */
	static DeviceFilter from(SeamParams params) {
		return new DeviceFilter(params.stringList("device_ids"), params.string("connected_account_id"),
				params.stringList("connected_account_ids"), params.string("device_type"),
				params.stringList("device_types"), params.string("manufacturer"), params.instant("created_before"),
				params.string("user_identifier_key"));
	}

	DeviceFilter withDeviceTypes(List<String> types) {
		return new DeviceFilter(this.deviceIds, this.connectedAccountId, this.connectedAccountIds, this.deviceType,
				types, this.manufacturer, this.createdBefore, this.userIdentifierKey);
	}

	/** What a page cursor is bound to: every filter, in a fixed order. */
	Object[] fingerprint() {
		return new Object[] { this.deviceIds, this.connectedAccountId, this.connectedAccountIds, this.deviceType,
				this.deviceTypes, this.manufacturer, this.createdBefore, this.userIdentifierKey };
	}

}
