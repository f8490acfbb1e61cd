package dev.emulator.seam.device;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.clientsession.ResourceScope;
import dev.emulator.seam.clientsession.ResourceScopes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.SeamParams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The device feature's API for the features that act on devices (locks, access codes): finding a device the caller
 * may act on, listing devices of some types as {@code /devices/list} does, and the few state changes those actions
 * make. Other features never read or write the {@code devices} table themselves.
 */
@Component
public class DeviceDirectory {

	private final DeviceService service;

	private final DeviceRepository repository;

	private final ResourceScopes scopes;

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	DeviceDirectory(DeviceService service, DeviceRepository repository, ResourceScopes scopes, JdbcClient jdbc,
			JsonMapper jsonMapper) {
		this.service = service;
		this.repository = repository;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/** As {@code /devices/get}: 404 {@code device_not_found}, or 401 when the caller may not see the device. */
	public DeviceView get(AuthContext auth, String deviceId, String name) {
		return this.service.get(auth, deviceId, name);
	}

	/**
	 * As {@code /devices/list} with its filters read from {@code params}, limited to {@code deviceTypes}: a
	 * {@code device_type} or {@code device_types} filter naming any other type is 400 {@code invalid_input}.
	 */
	public Paging.Page<DeviceView> listOfTypes(AuthContext auth, SeamParams params, Set<String> deviceTypes) {
		DeviceFilter given = DeviceFilter.from(params);
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
		params.throwIfInvalid();
		List<String> types = (given.deviceTypes() != null) ? given.deviceTypes() : List.copyOf(deviceTypes);
		DeviceFilter filter = new DeviceFilter(given.deviceIds(), given.connectedAccountId(),
				given.connectedAccountIds(), given.deviceType(), types, given.manufacturer(), given.createdBefore(),
				given.userIdentifierKey());
		Paging.Request page = Paging.read(params, given.fingerprint());
		params.throwIfInvalid();
		return this.service.list(auth, filter, page);
	}

	/**
	 * The managed device {@code deviceId} of the caller's workspace, refused as {@code /devices/get} refuses it: 404
	 * {@code device_not_found} when the workspace has none, 401 {@code unauthorized} when the caller's client session
	 * does not own it.
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

	/** The workspace's managed device {@code deviceId}, whoever asks (for work done after the request). */
	public Optional<DeviceRef> find(String workspaceId, String deviceId) {
		return this.jdbc.sql("""
				select device_id, workspace_id, connected_account_id, device_type, properties::text as properties,
				       attributes::text as attributes
				from devices
				where workspace_id = :workspaceId and device_id = :deviceId and is_managed
				""")
			.param("workspaceId", workspaceId)
			.param("deviceId", deviceId)
			.query((rs, rowNum) -> new DeviceRef(rs.getString("device_id"), rs.getString("workspace_id"),
					rs.getString("connected_account_id"), rs.getString("device_type"),
					this.jsonMapper.readTree(rs.getString("properties")),
					this.jsonMapper.readTree(rs.getString("attributes"))))
			.optional();
	}

	/** Sets {@code properties.locked}; whether the device exists. */
	public boolean setLocked(String workspaceId, String deviceId, boolean locked) {
		return this.jdbc.sql("""
				update devices set properties = jsonb_set(properties, '{locked}', to_jsonb(:locked))
				where workspace_id = :workspaceId and device_id = :deviceId
				""")
			.param("locked", locked)
			.param("workspaceId", workspaceId)
			.param("deviceId", deviceId)
			.update() == 1;
	}

}
