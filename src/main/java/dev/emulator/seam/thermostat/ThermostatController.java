package dev.emulator.seam.thermostat;

import java.util.List;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.SeamRoute;
import dev.emulator.seam.device.DeviceGetParams;
import dev.emulator.seam.device.DeviceListRequest;
import dev.emulator.seam.device.DeviceView;
import dev.emulator.seam.web.OkResponse;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.DELETE;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.PATCH;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** {@code /thermostats/*}; methods and credentials as in Seam's OpenAPI. */
@RestController
class ThermostatController {

	static final List<String> FAN_MODES = List.of("auto", "on", "circulate");

	private final ThermostatService service;

	private final ClimatePresetService presets;

	ThermostatController(ThermostatService service, ClimatePresetService presets) {
		this.service = service;
		this.presets = presets;
	}

	@RequestMapping("/thermostats/create_climate_preset")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	OkResponse createClimatePreset(AuthContext auth, ClimatePresetParams.Write params) {
		this.presets.create(auth, params);
		return OkResponse.OK;
	}

	@RequestMapping("/thermostats/update_climate_preset")
	@SeamRoute(methods = { PATCH, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	OkResponse updateClimatePreset(AuthContext auth, ClimatePresetParams.Write params) {
		this.presets.update(auth, params);
		return OkResponse.OK;
	}

	@RequestMapping("/thermostats/delete_climate_preset")
	@SeamRoute(methods = { DELETE, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	OkResponse deleteClimatePreset(AuthContext auth, ClimatePresetParams.Key params) {
		this.presets.delete(auth, params);
		return OkResponse.OK;
	}

	@RequestMapping("/thermostats/activate_climate_preset")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	Acted activateClimatePreset(AuthContext auth, ClimatePresetParams.Key params) {
		return new Acted(this.presets.activate(auth, params), true);
	}

	@RequestMapping("/thermostats/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Many list(AuthContext auth, ListParams params) {
		Paging.Page<DeviceView> result = this.service.list(auth, params.request());
		return new Many(result.items(), result.items(), true);
	}

	@RequestMapping("/thermostats/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth, DeviceGetParams params) {
		return new One(this.service.get(auth, params.deviceId(), params.name()), true);
	}

	@RequestMapping("/thermostats/heat")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted heat(AuthContext auth, HeatParams params) {
		return new Acted(this.service.setHvacMode(auth, params.request()), true);
	}

	@RequestMapping("/thermostats/cool")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted cool(AuthContext auth, CoolParams params) {
		return new Acted(this.service.setHvacMode(auth, params.request()), true);
	}

	@RequestMapping("/thermostats/heat_cool")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted heatCool(AuthContext auth, HeatCoolParams params) {
		return new Acted(this.service.setHvacMode(auth, params.request()), true);
	}

	@RequestMapping("/thermostats/off")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted off(AuthContext auth, OffParams params) {
		return new Acted(this.service.setHvacMode(auth, params.request()), true);
	}

	@RequestMapping("/thermostats/set_hvac_mode")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted setHvacMode(AuthContext auth, SetHvacModeParams params) {
		return new Acted(this.service.setHvacMode(auth, params.request()), true);
	}

	@RequestMapping("/thermostats/set_fan_mode")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted setFanMode(AuthContext auth, FanModeParams params) {
		return new Acted(this.service.setFanMode(auth, params.deviceId(), params.fanModeSetting(), params.sync()),
				true);
	}

	record ListParams(DeviceListRequest request) implements RouteParams {

		static ListParams from(SeamParams params) {
			return new ListParams(DeviceListRequest.read(params, ThermostatDeviceTypes.ALL));
		}

	}

	record HeatParams(HvacRequest request) implements RouteParams {

		static HeatParams from(SeamParams params) {
			return new HeatParams(HvacRequest.read(params, "heat"));
		}

	}

	record CoolParams(HvacRequest request) implements RouteParams {

		static CoolParams from(SeamParams params) {
			return new CoolParams(HvacRequest.read(params, "cool"));
		}

	}

	record HeatCoolParams(HvacRequest request) implements RouteParams {

		static HeatCoolParams from(SeamParams params) {
			return new HeatCoolParams(HvacRequest.read(params, "heat_cool"));
		}

	}

	record OffParams(HvacRequest request) implements RouteParams {

		static OffParams from(SeamParams params) {
			return new OffParams(HvacRequest.read(params, "off"));
		}

	}

	record SetHvacModeParams(HvacRequest request) implements RouteParams {

		static SetHvacModeParams from(SeamParams params) {
			return new SetHvacModeParams(HvacRequest.read(params, null));
		}

	}

	/** {@code fan_mode} is the deprecated name of {@code fan_mode_setting}. */
	record FanModeParams(String deviceId, String fanModeSetting, boolean sync) implements RouteParams {

		static FanModeParams from(SeamParams params) {
			String deviceId = params.requiredString("device_id");
			String setting = params.string("fan_mode_setting");
			String name = "fan_mode_setting";
			if (setting == null) {
				setting = params.string("fan_mode");
				name = "fan_mode";
			}
			if (setting == null) {
				params.addFormError("fan_mode_setting is required");
			}
			else if (!FAN_MODES.contains(setting)) {
				params.addError(name, "Invalid enum value. Expected '" + String.join("' | '", FAN_MODES)
						+ "', received '" + setting + "'");
			}
			return new FanModeParams(deviceId, setting, Boolean.TRUE.equals(params.bool("sync")));
		}

	}

	record One(DeviceView thermostat, boolean ok) {
	}

	record Many(List<DeviceView> thermostats, List<DeviceView> devices, boolean ok) {
	}

	record Acted(ActionAttemptView actionAttempt, boolean ok) {
	}

}
