package dev.emulator.seam.device;

import java.util.List;
import java.util.Set;

import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.SeamParams;

/**
 * The filters and page of a device list ({@code /devices/list}, and the lists of one kind
 * of device such as {@code /locks/list}), as read from a request.
 */
public record DeviceListRequest(DeviceFilter filter, Paging.Request page) {

	/**
	 * Reads the filters and the page, recording what is wrong on {@code params}. With
	 * {@code deviceTypes}, the list is limited to those types, and a {@code device_type}
	 * or {@code device_types} filter naming any other type is 400 {@code invalid_input};
	 * {@code null} allows every type.
	 */
	public static DeviceListRequest read(SeamParams params, Set<String> deviceTypes) {
		DeviceFilter given = DeviceFilter.from(params);
		Paging.Request page = Paging.read(params, given.fingerprint());
		if (deviceTypes == null) {
			return new DeviceListRequest(given, page);
		}
		if (given.deviceType() != null && !deviceTypes.contains(given.deviceType())) {
			params.addError("device_type", "Invalid enum value '" + given.deviceType() + "'");
		}
		if (given.deviceTypes() != null) {
			given.deviceTypes()
				.stream()
				.filter((type) -> !deviceTypes.contains(type))
				.findFirst()
				.ifPresent((type) -> params.addError("device_types", "Invalid enum value '" + type + "'"));
		}
		List<String> types = (given.deviceTypes() != null) ? given.deviceTypes() : List.copyOf(deviceTypes);
		return new DeviceListRequest(given.withDeviceTypes(types), page);
	}

}
