package dev.emulator.seam.device;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.event.EventLog;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code /devices/update}: renames a device, merges its custom metadata, or unmanages it.
 * The row is locked from the read to the write, so two concurrent updates of different
 * metadata keys both survive.
 */
@Service
class DeviceUpdater {

	private final DeviceRepository repository;

	private final ResourceScopes scopes;

	private final EventLog events;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	DeviceUpdater(DeviceRepository repository, ResourceScopes scopes, EventLog events, JsonMapper jsonMapper,
			Clock clock) {
		this.repository = repository;
		this.scopes = scopes;
		this.events = events;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * 404 {@code device_not_found} when the workspace has no such device, 401 when the
	 * caller's client session does not own it (as {@code /devices/get} refuses it), 400
	 * {@code device_unmanaged} for a device already unmanaged. Every check comes before
	 * the first change, so a refused update changes nothing.
	 */
	@Transactional
	void update(AuthContext auth, DeviceUpdate update) {
		Device device = this.repository.findByWorkspaceIdAndIdForUpdate(auth.workspaceId(), update.deviceId())
			.orElseThrow(() -> ApiException.notFound(ErrorTypes.DEVICE_NOT_FOUND, "Device not found"));
		if (!this.scopes.of(auth, null).canSeeConnectedAccount(device.getConnectedAccountId())) {
			throw ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, "Not authorized to view this device");
		}
		if (!device.isManaged()) {
			throw ApiException.badRequest("device_unmanaged", "Device is unmanaged. Use /devices/unmanaged/update");
		}
		ObjectNode metadata = (ObjectNode) this.jsonMapper.readTree(device.getCustomMetadata());
		if (update.customMetadata() != null) {
			update.customMetadata().forEach((key, value) -> {
				if (value == null) {
					metadata.remove(key);
				}
				else {
					metadata.set(key, this.jsonMapper.valueToTree(value));
				}
			});
			if (metadata.size() > DeviceUpdate.MAX_METADATA_KEYS) {
				throw ApiException.badRequest(ErrorTypes.INVALID_INPUT,
						"A device's custom_metadata holds at most " + DeviceUpdate.MAX_METADATA_KEYS + " keys");
			}
		}
		String oldName = device.name();
		if (update.name() != null) {
			device.rename(update.name().isEmpty() ? null : update.name());
		}
		ObjectNode properties = (ObjectNode) this.jsonMapper.readTree(device.getProperties());
		if (update.name() != null) {
			// The deprecated properties.name mirrors the shown name; /devices/get?name=
			// finds the device by it.
			properties.put("name", device.name());
		}
		if (update.backupAccessCodePoolEnabled() != null) {
			properties.put("backup_access_code_pool_enabled", update.backupAccessCodePoolEnabled());
		}
		device.replaceProperties(this.jsonMapper.writeValueAsString(properties));
		device.replaceCustomMetadata(this.jsonMapper.writeValueAsString(metadata));
		if (!Objects.equals(oldName, device.name())) {
			this.events.append(auth.workspaceId(),
					new EventLog.NewEvent("device.name_changed", "The name of a device was changed.", device.getId(),
							device.getConnectedAccountId(), null, null, Map.of("device_name", device.name())),
					this.clock.instant());
		}
		if (update.unmanage()) {
			device.unmanage();
			this.events.append(auth.workspaceId(),
					new EventLog.NewEvent("device.converted_to_unmanaged",
							"A managed device was converted to an unmanaged device.", device.getId(),
							device.getConnectedAccountId(), null, null, Map.of()),
					this.clock.instant());
		}
		this.repository.flush();
	}

}
