package dev.emulator.seam.device;

import java.util.List;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.web.OkResponse;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.PATCH;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code /devices/list}, {@code get}, {@code update} and {@code list_device_providers};
 * methods and credentials as in Seam's OpenAPI (BEHAVIOUR 2.5).
 */
@RestController
class DeviceController {

	private final DeviceService service;

	private final DeviceUpdater updater;

	DeviceController(DeviceService service, DeviceUpdater updater) {
		this.service = service;
		this.updater = updater;
	}

	@RequestMapping("/devices/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Many list(AuthContext auth, ListParams params) {
		Paging.Page<DeviceView> result = this.service.list(auth, params.filter(), params.page());
		return new Many(result.items(), result.pagination(), true);
	}

	@RequestMapping("/devices/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth, DeviceGetParams params) {
		return new One(this.service.get(auth, params.deviceId(), params.name()), true);
	}

	@RequestMapping("/devices/update")
	@SeamRoute(methods = { PATCH, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	OkResponse update(AuthContext auth, DeviceUpdate params) {
		this.updater.update(auth, params);
		return OkResponse.OK;
	}

	@RequestMapping("/devices/list_device_providers")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Providers listDeviceProviders(AuthContext auth, DeviceProviders.Params params) {
		return new Providers(DeviceProviders.inCategory(params.providerCategory()), true);
	}

	record ListParams(DeviceFilter filter, Paging.Request page) implements RouteParams {

		static ListParams from(SeamParams params) {
			DeviceListRequest request = DeviceListRequest.read(params, null);
			return new ListParams(request.filter(), request.page());
		}

	}

	record One(DeviceView device, boolean ok) {
	}

	record Providers(List<DeviceProviders.DeviceProvider> deviceProviders, boolean ok) {
	}

	record Many(List<DeviceView> devices, Paging.Pagination pagination, boolean ok) {
	}

}
