package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.emulator.seam.support.AssignedIdEntity;

/**
 * A managed access code, as written; reads for the routes go through
 * {@link AccessCodeReads}. It is {@code setting} until the device has it (its attempt
 * completed), then {@code set}.
 */
@Entity
@Table(name = "access_codes")
class AccessCode extends AssignedIdEntity {

	static final String ONGOING = "ongoing";

	static final String TIME_BOUND = "time_bound";

	static final String SETTING = "setting";

	static final String SET = "set";

	@Id
	@Column(name = "access_code_id")
	private String id;

	private String workspaceId;

	private String deviceId;

	private String name;

	private String code;

	private String type;

	private String status;

	private Instant startsAt;

	private Instant endsAt;

	private String commonCodeKey;

	private boolean isOneTimeUse;

	private boolean isExternalModificationAllowed;

	private boolean isOfflineAccessCode;

	private Instant createdAt;

	protected AccessCode() {
	}

	/** A code being set on the device. */
	static AccessCode create(String id, String workspaceId, String deviceId, String name, String code,
			boolean timeBound, Instant startsAt, Instant endsAt, String commonCodeKey, boolean isOneTimeUse,
			boolean isExternalModificationAllowed, boolean isOfflineAccessCode, Instant createdAt) {
		AccessCode accessCode = new AccessCode();
		accessCode.id = id;
		accessCode.workspaceId = workspaceId;
		accessCode.deviceId = deviceId;
		accessCode.name = name;
		accessCode.code = code;
		accessCode.type = timeBound ? TIME_BOUND : ONGOING;
		accessCode.status = SETTING;
		accessCode.startsAt = startsAt;
		accessCode.endsAt = endsAt;
		accessCode.commonCodeKey = commonCodeKey;
		accessCode.isOneTimeUse = isOneTimeUse;
		accessCode.isExternalModificationAllowed = isExternalModificationAllowed;
		accessCode.isOfflineAccessCode = isOfflineAccessCode;
		accessCode.createdAt = createdAt;
		return accessCode;
	}

	/**
	 * Replaces the changeable members. A new PIN or time frame has to reach the device
	 * again, so the code is {@code setting} until its attempt completes. Whether anything
	 * changed.
	 */
	boolean change(String name, String code, boolean ongoing, Instant startsAt, Instant endsAt, boolean isOneTimeUse,
			boolean isExternalModificationAllowed, boolean isOfflineAccessCode) {
		boolean reprogram = !code.equals(this.code) || !Objects.equals(startsAt, this.startsAt)
				|| !Objects.equals(endsAt, this.endsAt);
		String type = ongoing ? ONGOING : TIME_BOUND;
		String status = reprogram ? SETTING : this.status;
		boolean changed = reprogram || !Objects.equals(name, this.name) || !type.equals(this.type)
				|| !status.equals(this.status) || isOneTimeUse != this.isOneTimeUse
				|| isExternalModificationAllowed != this.isExternalModificationAllowed
				|| isOfflineAccessCode != this.isOfflineAccessCode;
		this.name = name;
		this.code = code;
		this.type = type;
		this.status = status;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.isOneTimeUse = isOneTimeUse;
		this.isExternalModificationAllowed = isExternalModificationAllowed;
		this.isOfflineAccessCode = isOfflineAccessCode;
		return changed;
	}

	/** The device has the code now; whether it was still being set. */
	boolean markSet() {
		if (!SETTING.equals(this.status)) {
			return false;
		}
		this.status = SET;
		return true;
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getWorkspaceId() {
		return this.workspaceId;
	}

	String getDeviceId() {
		return this.deviceId;
	}

	String getName() {
		return this.name;
	}

	String getCode() {
		return this.code;
	}

	boolean isOngoing() {
		return ONGOING.equals(this.type);
	}

	Instant getStartsAt() {
		return this.startsAt;
	}

	Instant getEndsAt() {
		return this.endsAt;
	}

	boolean isOneTimeUse() {
		return this.isOneTimeUse;
	}

	boolean isExternalModificationAllowed() {
		return this.isExternalModificationAllowed;
	}

	boolean isOfflineAccessCode() {
		return this.isOfflineAccessCode;
	}

}
