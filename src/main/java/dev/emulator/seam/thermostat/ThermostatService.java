package dev.emulator.seam.thermostat;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.actionattempt.ActionAttempts;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceListRequest;
import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.device.DeviceView;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the thermostat routes. A device that is not a thermostat is "not found" to
 * them; a thermostat the caller's client session does not own is refused as
 * {@code /devices/get} refuses it. What the thermostat cannot take (a mode it does not
 * offer, a set point beyond its limits, set points closer than its minimum gap) is
 * refused before an attempt starts, as Seam's fake does; whether the device is online is
 * decided when the attempt is carried out.
 */
@Service
class ThermostatService {

	static final String SET_HVAC_MODE = "SET_HVAC_MODE";

	static final String SET_FAN_MODE = "SET_FAN_MODE";

	private final DeviceDirectory devices;

	private final ActionAttempts attempts;

	ThermostatService(DeviceDirectory devices, ActionAttempts attempts) {
		this.devices = devices;
		this.attempts = attempts;
	}

	DeviceView get(AuthContext auth, String deviceId, String name) {
		DeviceView device = this.devices.get(auth, deviceId, name);
		if (!ThermostatDeviceTypes.ALL.contains(device.deviceType())) {
			throw notFound();
		}
		return device;
	}

	Paging.Page<DeviceView> list(AuthContext auth, DeviceListRequest request) {
		return this.devices.list(auth, request);
	}

	@Transactional
	ActionAttemptView setHvacMode(AuthContext auth, HvacRequest request) {
		DeviceRef device = thermostat(auth, request.deviceId());
		JsonNode properties = device.properties();
		JsonNode available = properties.path("available_hvac_mode_settings");
		if (available.isArray()
				&& available.valueStream().noneMatch((m) -> m.asString().equals(request.hvacModeSetting()))) {
			throw ApiException.badRequest("invalid_hvac_mode",
					"'" + request.hvacModeSetting() + "' mode is not available for this thermostat");
		}
		JsonNode current = properties.path("current_climate_setting");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("hvac_mode_setting", request.hvacModeSetting());
		if (request.heatingSetPointCelsius() != null) {
			checkRange(properties, "heating", request.heatingSetPointCelsius());
			params.put("heating_set_point_celsius", request.heatingSetPointCelsius());
		}
		if (request.coolingSetPointCelsius() != null) {
			checkRange(properties, "cooling", request.coolingSetPointCelsius());
			params.put("cooling_set_point_celsius", request.coolingSetPointCelsius());
		}
		if ("heat_cool".equals(request.hvacModeSetting())) {
			double delta = properties.path("min_heating_cooling_delta_celsius").asDouble(0);
			if (request.coolingSetPointCelsius() - request.heatingSetPointCelsius() < delta) {
				throw ApiException.badRequest("invalid_heating_cooling_delta", "Difference between set points must be"
						+ " at least " + delta + "°C for this thermostat, cooling above heating");
			}
		}
		else if ("heat".equals(request.hvacModeSetting()) && request.heatingSetPointCelsius() == null
				&& !current.path("heating_set_point_celsius").isNumber()) {
			throw missingSetPoint("heating");
		}
		else if ("cool".equals(request.hvacModeSetting()) && request.coolingSetPointCelsius() == null
				&& !current.path("cooling_set_point_celsius").isNumber()) {
			throw missingSetPoint("cooling");
		}
		return this.attempts.start(auth.workspaceId(), SET_HVAC_MODE, device.deviceId(), device.connectedAccountId(),
				params, request.sync());
	}

	@Transactional
	ActionAttemptView setFanMode(AuthContext auth, String deviceId, String fanModeSetting, boolean sync) {
		DeviceRef device = thermostat(auth, deviceId);
		JsonNode available = device.properties().path("available_fan_mode_settings");
		if (available.isArray() && available.valueStream().noneMatch((m) -> m.asString().equals(fanModeSetting))) {
			throw ApiException.badRequest("invalid_fan_mode",
					"'" + fanModeSetting + "' fan mode is not available for this thermostat");
		}
		return this.attempts.start(auth.workspaceId(), SET_FAN_MODE, device.deviceId(), device.connectedAccountId(),
				Map.of("fan_mode_setting", fanModeSetting), sync);
	}

	private DeviceRef thermostat(AuthContext auth, String deviceId) {
		DeviceRef device = this.devices.visible(auth, deviceId);
		if (!ThermostatDeviceTypes.ALL.contains(device.deviceType())) {
			throw notFound();
		}
		return device;
	}

	/**
	 * Within {@code min_<kind>_set_point_celsius} and
	 * {@code max_<kind>_set_point_celsius} when the device has them.
	 */
	private static void checkRange(JsonNode properties, String kind, double celsius) {
		JsonNode min = properties.path("min_" + kind + "_set_point_celsius");
		JsonNode max = properties.path("max_" + kind + "_set_point_celsius");
		if ((min.isNumber() && celsius < min.asDouble()) || (max.isNumber() && celsius > max.asDouble())) {
			throw ApiException.badRequest(ErrorTypes.INVALID_INPUT,
					"The " + kind + " set point " + celsius + "°C is outside this thermostat's range"
							+ (min.isNumber() && max.isNumber()
									? " (" + min.asDouble() + "°C to " + max.asDouble() + "°C)" : ""));
		}
	}

	private static ApiException missingSetPoint(String kind) {
		return ApiException.badRequest(ErrorTypes.INVALID_INPUT,
				"A " + kind + " set point is required: the thermostat has none");
	}

	private static ApiException notFound() {
		return ApiException.notFound(ErrorTypes.DEVICE_NOT_FOUND, "Device not found");
	}

}
