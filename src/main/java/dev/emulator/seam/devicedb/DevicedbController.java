package dev.emulator.seam.devicedb;

import java.util.List;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.SeamRoute;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.GET;

/**
 * {@code /internal/devicedb/v1/*}, which Seam proxies to its device database for the
 * supported-device table of Seam Components, and the catalogue's images. GET only, and
 * the credentials Seam's proxy takes: API keys, personal access tokens and console
 * sessions with a workspace, and client sessions, the one Seam Components send (BEHAVIOUR
 * 4.9).
 */
@RestController
class DevicedbController {

	private final DevicedbService service;

	private final DeviceImages deviceImages;

	DevicedbController(DevicedbService service, DeviceImages deviceImages) {
		this.service = service;
		this.deviceImages = deviceImages;
	}

	@RequestMapping("/internal/devicedb/v1/manufacturers/list")
	@SeamRoute(methods = GET, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Manufacturers manufacturers(AuthContext auth, DevicedbParams.ManufacturerList params) {
		return new Manufacturers(this.service.manufacturers(params), true);
	}

	@RequestMapping("/internal/devicedb/v1/manufacturers/get")
	@SeamRoute(methods = GET, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Manufacturer manufacturer(AuthContext auth, DevicedbParams.ManufacturerGet params) {
		return new Manufacturer(this.service.manufacturer(params.manufacturerId()), true);
	}

	@RequestMapping("/internal/devicedb/v1/device_models/list")
	@SeamRoute(methods = GET, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	DeviceModels deviceModels(AuthContext auth, DevicedbParams.DeviceModelList params) {
		return new DeviceModels(this.service.deviceModels(params), true);
	}

	@RequestMapping("/internal/devicedb/v1/device_models/get")
	@SeamRoute(methods = GET, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	DeviceModel deviceModel(AuthContext auth, DevicedbParams.DeviceModelGet params) {
		return new DeviceModel(this.service.deviceModel(params.deviceModelId()), true);
	}

	/**
	 * An image of the catalogue, or the picture of a device type that device objects
	 * point to, without a credential: browsers load it from an {@code img} element, which
	 * sends none (Seam's image proxy takes none either).
	 */
	@RequestMapping(DevicedbService.IMAGE_PATH)
	@SeamRoute(methods = GET, anonymous = true)
	ResponseEntity<byte[]> image(DevicedbParams.Image params) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable())
			.body(this.deviceImages.png(params.imageId()).orElseGet(() -> this.service.image(params.imageId())));
	}

	record Manufacturers(List<ObjectNode> manufacturers, boolean ok) {
	}

	record Manufacturer(ObjectNode manufacturer, boolean ok) {
	}

	record DeviceModels(List<ObjectNode> deviceModels, boolean ok) {
	}

	record DeviceModel(ObjectNode deviceModel, boolean ok) {
	}

}
