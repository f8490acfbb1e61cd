package dev.emulator.seam.device;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the device routes (BEHAVIOUR 4.3): a caller only ever sees managed devices
 * of its workspace, and a client session (or an API key naming a user) only those of the
 * connected accounts the session owns.
 */
@Service
public class DeviceService {

	private final DeviceReads devices;

	private final DeviceRepository writes;

	private final JsonMapper jsonMapper;

	private final ResourceScopes scopes;

	DeviceService(DeviceReads devices, DeviceRepository writes, JsonMapper jsonMapper, ResourceScopes scopes) {
		this.devices = devices;
		this.writes = writes;
		this.jsonMapper = jsonMapper;
		this.scopes = scopes;
	}

	/**
	 * One page of the devices the caller may see that match every filter, oldest first.
	 * Reads run outside a transaction: with a client session token this is one statement,
	 * and BEGIN and COMMIT would double its round trips.
	 */
	Paging.Page<DeviceView> list(AuthContext auth, DeviceFilter filter, Paging.Request page) {
		ResourceScope scope = this.scopes.of(auth, filter.userIdentifierKey());
		Set<String> visibleAccounts = scope.restricted() ? scope.connectedAccountIds() : null;
		List<DeviceView> rows = this.devices.search(auth.workspaceId(), visibleAccounts, filter, page);
		return page.result(rows, DeviceView::createdAt, DeviceView::deviceId);
	}

	/**
	 * The device with this id and/or name. 404 {@code device_not_found} when the
	 * workspace has no such managed device; 401 {@code unauthorized} when it has, but
	 * none the caller may see (Seam's fake, devices/get.ts).
	 */
	DeviceView get(AuthContext auth, String deviceId, String name) {
		List<DeviceView> found = this.devices.findByIdOrName(auth.workspaceId(), deviceId, name);
		if (found.isEmpty()) {
			throw ApiException.notFound(ErrorTypes.DEVICE_NOT_FOUND, "Device not found");
		}
		ResourceScope scope = this.scopes.of(auth, null);
		// Several devices may share a name; the fake takes the first and may refuse it,
		// this takes the first visible.
		Optional<DeviceView> visible = found.stream()
			.filter((device) -> scope.canSeeConnectedAccount(device.connectedAccountId()))
			.findFirst();
		return visible.orElseThrow(
				() -> ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, "Not authorized to view this device"));
	}

	/** Adds a device to a connected account, inside the caller's transaction. */
	@Transactional
	public String add(String workspaceId, NewDevice spec) {
		// Flushed at once: other features go on in plain SQL statements that refer to
		// this row.
		this.writes.saveAndFlush(Device.create(workspaceId, spec, this.jsonMapper.writeValueAsString(spec.properties()),
				this.jsonMapper.writeValueAsString(spec.attributes())));
		return spec.deviceId();
	}

	/** The ids of the account's devices, managed or not, oldest first. */
	public List<String> deviceIdsOfAccount(String workspaceId, String connectedAccountId) {
		return this.devices.idsOfAccount(workspaceId, connectedAccountId);
	}

}
