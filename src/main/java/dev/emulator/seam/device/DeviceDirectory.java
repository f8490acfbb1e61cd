package dev.emulator.seam.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device feature's API for the features that act on devices (locks, access codes):
 * finding a device the caller may act on, listing devices of some types as
 * {@code /devices/list} does, and the few state changes those actions make. Other
 * features never read or write the {@code devices} table themselves.
 */
@Component
public class DeviceDirectory {

	private static final tools.jackson.core.type.TypeReference<LinkedHashMap<String, Object>> PRESET = new tools.jackson.core.type.TypeReference<>() {
	};

	private final DeviceService service;

	private final DeviceRepository repository;

	private final ResourceScopes scopes;

	private final DeviceReads reads;

	private final JsonMapper jsonMapper;

	DeviceDirectory(DeviceService service, DeviceRepository repository, ResourceScopes scopes, DeviceReads reads,
			JsonMapper jsonMapper) {
		this.service = service;
		this.repository = repository;
		this.scopes = scopes;
		this.reads = reads;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * As {@code /devices/get}: 404 {@code device_not_found}, or 401 when the caller may
	 * not see the device.
	 */
	public DeviceView get(AuthContext auth, String deviceId, String name) {
		return this.service.get(auth, deviceId, name);
	}

	/** One page of {@code /devices/list} as {@link DeviceListRequest#read} read it. */
	public Paging.Page<DeviceView> list(AuthContext auth, DeviceListRequest request) {
		return this.service.list(auth, request.filter(), request.page());
	}

	/**
	 * Every managed device of the workspace, oldest first, as an API key of it lists
	 * them: for the sandbox's view of its data (BEHAVIOUR 7.5).
	 */
	public List<DeviceView> all(String workspaceId) {
		return this.reads.all(workspaceId);
	}

	/**
	 * The managed device {@code deviceId} of the caller's workspace, refused as
	 * {@code /devices/get} refuses it: 404 {@code device_not_found} when the workspace
	 * has none, 401 {@code unauthorized} when the caller's client session does not own
	 * it.
	 */
	public DeviceRef visible(AuthContext auth, String deviceId) {
		DeviceRef device = find(auth.workspaceId(), deviceId)
			.orElseThrow(() -> ApiException.notFound(ErrorTypes.DEVICE_NOT_FOUND, "Device not found"));
		ResourceScope scope = this.scopes.of(auth, null);
		if (!scope.canSeeConnectedAccount(device.connectedAccountId())) {
			throw ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, "Not authorized to view this device");
		}
		return device;
	}

	/**
	 * The workspace's managed device {@code deviceId}, whoever asks (for work done after
	 * the request).
	 */
	public Optional<DeviceRef> find(String workspaceId, String deviceId) {
		return this.reads.refById(workspaceId, deviceId);
	}

	/**
	 * Sets {@code properties.locked}; whether the device exists. The row is locked while
	 * its properties are rewritten, so that concurrent changes to other properties are
	 * not lost.
	 */
	@Transactional
	public boolean setLocked(String workspaceId, String deviceId, boolean locked) {
		return this.repository.findByWorkspaceIdAndIdForUpdate(workspaceId, deviceId).map((device) -> {
			ObjectNode properties = (ObjectNode) this.jsonMapper.readTree(device.getProperties());
			properties.put("locked", locked);
			device.replaceProperties(this.jsonMapper.writeValueAsString(properties));
			return true;
		}).orElse(false);
	}

	/**
	 * Changes a thermostat's {@code current_climate_setting} (the given members replace
	 * the stored ones) and, when not null, its {@code fan_mode_setting}; whether the
	 * device exists. Under the row lock, as {@link #setLocked}.
	 */
	@Transactional
	public boolean setClimate(String workspaceId, String deviceId, Map<String, Object> climateSetting,
			String fanModeSetting) {
		return this.repository.findByWorkspaceIdAndIdForUpdate(workspaceId, deviceId).map((device) -> {
			ObjectNode properties = (ObjectNode) this.jsonMapper.readTree(device.getProperties());
			if (!climateSetting.isEmpty()) {
				ObjectNode current = properties.has("current_climate_setting")
						&& properties.get("current_climate_setting").isObject()
								? (ObjectNode) properties.get("current_climate_setting")
								: properties.putObject("current_climate_setting");
				climateSetting.forEach((name, value) -> current.set(name, this.jsonMapper.valueToTree(value)));
			}
			if (fanModeSetting != null) {
				properties.put("fan_mode_setting", fanModeSetting);
			}
			device.replaceProperties(this.jsonMapper.writeValueAsString(properties));
			return true;
		}).orElse(false);
	}

	/**
	 * Rewrites a thermostat's {@code available_climate_presets} under the row lock:
	 * {@code change} receives the stored presets (each a map of its members) and returns
	 * the new list, or throws to refuse the change. Whether the device exists.
	 */
	@Transactional
	public boolean changeClimatePresets(String workspaceId, String deviceId,
			UnaryOperator<List<Map<String, Object>>> change) {
		return this.repository.findByWorkspaceIdAndIdForUpdate(workspaceId, deviceId).map((device) -> {
			ObjectNode properties = (ObjectNode) this.jsonMapper.readTree(device.getProperties());
			List<Map<String, Object>> presets = new ArrayList<>();
			if (properties.path("available_climate_presets").isArray()) {
				properties.get("available_climate_presets")
					.forEach((preset) -> presets.add(this.jsonMapper.convertValue(preset, PRESET)));
			}
			properties.set("available_climate_presets", this.jsonMapper.valueToTree(change.apply(presets)));
			device.replaceProperties(this.jsonMapper.writeValueAsString(properties));
			return true;
		}).orElse(false);
	}

}
