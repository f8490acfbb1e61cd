package dev.emulator.seam.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.emulator.seam.support.AssignedIdEntity;

/**
 * A device, as written; reads for the routes go through {@link DeviceReads}. JSON members
 * are kept as the JSON text they are stored as.
 */
@Entity
@Table(name = "devices")
class Device extends AssignedIdEntity {

	@Id
	@Column(name = "device_id")
	private String id;

	private String workspaceId;

	private String connectedAccountId;

	private String deviceType;

	private String displayName;

	private String nickname;

	private boolean isManaged;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> capabilitiesSupported = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.JSON)
	private String properties;

	@JdbcTypeCode(SqlTypes.JSON)
	private String attributes;

	@JdbcTypeCode(SqlTypes.JSON)
	private String customMetadata;

	private Instant createdAt;

	protected Device() {
	}

	static Device create(String workspaceId, NewDevice spec, String propertiesJson, String attributesJson) {
		Device device = new Device();
		device.id = spec.deviceId();
		device.workspaceId = workspaceId;
		device.connectedAccountId = spec.connectedAccountId();
		device.deviceType = spec.deviceType();
		device.displayName = spec.displayName();
		device.isManaged = spec.managed();
		device.capabilitiesSupported = new ArrayList<>(spec.capabilitiesSupported());
		device.properties = propertiesJson;
		device.attributes = attributesJson;
		device.customMetadata = "{}";
		device.createdAt = spec.createdAt();
		return device;
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getProperties() {
		return this.properties;
	}

	String getWorkspaceId() {
		return this.workspaceId;
	}

	String getConnectedAccountId() {
		return this.connectedAccountId;
	}

	boolean isManaged() {
		return this.isManaged;
	}

	/** The name shown for the device: its nickname when it has one. */
	String name() {
		return (this.nickname != null) ? this.nickname : this.displayName;
	}

	/** The provider's name for the device, which a cleared nickname falls back to. */
	String getDisplayName() {
		return this.displayName;
	}

	/**
	 * Sets the name a user gave the device; {@code null} falls back to the provider's
	 * name.
	 */
	void rename(String newNickname) {
		this.nickname = newNickname;
	}

	String getCustomMetadata() {
		return this.customMetadata;
	}

	void replaceCustomMetadata(String customMetadataJson) {
		this.customMetadata = customMetadataJson;
	}

	/** An unmanaged device leaves every device list and action; it is not deleted. */
	void unmanage() {
		this.isManaged = false;
	}

	/** A device's properties change as a whole: they are one JSON document. */
	void replaceProperties(String propertiesJson) {
		this.properties = propertiesJson;
	}

}
