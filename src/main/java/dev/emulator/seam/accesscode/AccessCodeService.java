package dev.emulator.seam.accesscode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.actionattempt.ActionAttempts;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.support.Secrets;
import dev.emulator.seam.support.Sql;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.SeamParams;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the access code routes. A code is reached through its device: a device of
 * another workspace (or a code there) is 404, a device the caller's client session does
 * not own is refused as {@code /devices/get} refuses it. Every change records its
 * {@code access_code.*} event in the same transaction.
 */
@Service
class AccessCodeService {

	static final String CREATE_ACCESS_CODE = "CREATE_ACCESS_CODE";

	static final String UPDATE_ACCESS_CODE = "UPDATE_ACCESS_CODE";

	static final String DELETE_ACCESS_CODE = "DELETE_ACCESS_CODE";

	// How many random codes are drawn before giving up on finding one the device does not
	// have yet.
	private static final int GENERATION_ATTEMPTS = 50;

	private final AccessCodeRepository codes;

	private final AccessCodeReads reads;

	private final DeviceDirectory devices;

	private final ActionAttempts attempts;

	private final AccessCodeEvents events;

	private final ResourceScopes scopes;

	private final Clock clock;

	AccessCodeService(AccessCodeRepository codes, AccessCodeReads reads, DeviceDirectory devices,
			ActionAttempts attempts, AccessCodeEvents events, ResourceScopes scopes, Clock clock) {
		this.codes = codes;
		this.reads = reads;
		this.devices = devices;
		this.attempts = attempts;
		this.events = events;
		this.scopes = scopes;
		this.clock = clock;
	}

	record Created(AccessCodeView accessCode, ActionAttemptView actionAttempt) {
	}

	@Transactional
	Created create(AuthContext auth, AccessCodeParams.Create params) {
		DeviceRef device = programmableDevice(auth, params.deviceId());
		AccessCodeParams.Settings settings = params.settings();
		String code = (settings.code() != null) ? settings.code() : generate(device, settings.preferredCodeLength());
		refuseUnsupported(device, code);
		if (settings.code() != null) {
			refuseTaken(device, code);
		}
		Instant now = now();
		AccessCode created = AccessCode.create(Secrets.newId(), auth.workspaceId(), device.deviceId(), settings.name(),
				code, settings.timeBound(), settings.startsAt(), settings.endsAt(), params.commonCodeKey(),
				Boolean.TRUE.equals(settings.isOneTimeUse()),
				Boolean.TRUE.equals(settings.isExternalModificationAllowed()),
				Boolean.TRUE.equals(settings.isOfflineAccessCode()), now);
		this.codes.save(created);
		flushRefusingDuplicate();
		this.events.record(created, device, "access_code.created", "An access code was created.", Map.of(), now);
		ActionAttemptView attempt = startAttempt(created, device, CREATE_ACCESS_CODE, settings.sync());
		return new Created(this.reads.find(created.getWorkspaceId(), created.getId()).orElseThrow().view(now()),
				attempt);
	}

	AccessCodeView get(AuthContext auth, String accessCodeId, String deviceId, String code) {
		AccessCodeReads.Row row;
		if (accessCodeId != null) {
			row = this.reads.find(auth.workspaceId(), accessCodeId).orElseThrow(AccessCodeService::notFound);
			this.devices.visible(auth, row.deviceId());
		}
		else {
			DeviceRef device = this.devices.visible(auth, deviceId);
			row = this.reads.findByCode(auth.workspaceId(), device.deviceId(), code)
				.orElseThrow(AccessCodeService::notFound);
		}
		return row.view(now());
	}

	Paging.Page<AccessCodeView> list(AuthContext auth, AccessCodeParams.ListFilter filter, Paging.Request page) {
		if (filter.deviceId() != null) {
			this.devices.visible(auth, filter.deviceId());
		}
		ResourceScope scope = this.scopes.of(auth, filter.userIdentifierKey());
		Set<String> visible = scope.restricted() ? scope.connectedAccountIds() : null;
		Instant now = now();
		List<AccessCodeView> rows = this.reads
			.search(auth.workspaceId(), visible, filter.deviceId(), filter.accessCodeIds(), filter.search(), page)
			.stream()
			.map((row) -> row.view(now))
			.toList();
		return page.result(rows, AccessCodeView::createdAt, AccessCodeView::accessCodeId);
	}

	/** A code for the device that none of its codes has yet; nothing is stored. */
	AccessCodeView generateCode(AuthContext auth, String deviceId) {
		DeviceRef device = programmableDevice(auth, deviceId);
		return new AccessCodeReads.Row(Secrets.newId(), auth.workspaceId(), device.deviceId(),
				device.connectedAccountId(), null, generate(device, null), AccessCode.ONGOING, AccessCode.SETTING, null,
				null, null, false, false, false, now())
			.view(now());
	}

	/**
	 * Changes the code under a row lock, so concurrent updates of one code apply one
	 * after the other. A new PIN or time frame has to reach the device again: the code is
	 * {@code setting} until its attempt completes.
	 */
	@Transactional
	ActionAttemptView update(AuthContext auth, AccessCodeParams.Update params) {
		Locked locked = lockVisible(auth, params.accessCodeId(), params.deviceId());
		AccessCode current = locked.code();
		DeviceRef device = locked.device();
		AccessCodeParams.Settings settings = params.settings();
		String code = (settings.code() != null) ? settings.code() : current.getCode();
		if (settings.code() != null) {
			refuseUnsupported(device, code);
		}
		if (!code.equals(current.getCode())) {
			refuseTaken(device, code);
		}
		boolean ongoing = "ongoing".equals(params.type())
				|| (params.type() == null && !settings.timeBound() && current.isOngoing());
		Instant startsAt = ongoing ? null : (settings.timeBound() ? settings.startsAt() : current.getStartsAt());
		Instant endsAt = ongoing ? null : (settings.timeBound() ? settings.endsAt() : current.getEndsAt());
		String nameBefore = current.getName();
		String codeBefore = current.getCode();
		boolean changed = current.change((settings.name() != null) ? settings.name() : current.getName(), code, ongoing,
				startsAt, endsAt, or(settings.isOneTimeUse(), current.isOneTimeUse()),
				or(settings.isExternalModificationAllowed(), current.isExternalModificationAllowed()),
				or(settings.isOfflineAccessCode(), current.isOfflineAccessCode()));
		flushRefusingDuplicate();
		if (changed) {
			Instant now = now();
			this.events.record(current, device, "access_code.changed", "An access code was changed.", Map.of(), now);
			this.events.recordRenamedOrRecoded(current, device, nameBefore, codeBefore, now);
		}
		return startAttempt(current, device, UPDATE_ACCESS_CODE, settings.sync());
	}

	/**
	 * Deletes the code at once (its PIN is free again on the device) and records
	 * {@code access_code.deleted}.
	 */
	@Transactional
	ActionAttemptView delete(AuthContext auth, String accessCodeId, String deviceId, boolean sync) {
		Locked locked = lockVisible(auth, accessCodeId, deviceId);
		this.codes.delete(locked.code());
		this.codes.flush();
		this.events.record(locked.code(), locked.device(), "access_code.deleted", "An access code was deleted.",
				Map.of("code", locked.code().getCode()), now());
		return startAttempt(locked.code(), locked.device(), DELETE_ACCESS_CODE, sync);
	}

	/**
	 * A code locked until the transaction ends, and its device, which the caller sees.
	 */
	private record Locked(AccessCode code, DeviceRef device) {
	}

	private Locked lockVisible(AuthContext auth, String accessCodeId, String deviceId) {
		AccessCode code = this.codes.findByWorkspaceIdAndIdForUpdate(auth.workspaceId(), accessCodeId)
			.filter((found) -> deviceId == null || deviceId.equals(found.getDeviceId()))
			.orElseThrow(AccessCodeService::notFound);
		return new Locked(code, this.devices.visible(auth, code.getDeviceId()));
	}

	private DeviceRef programmableDevice(AuthContext auth, String deviceId) {
		DeviceRef device = this.devices.visible(auth, deviceId);
		if (!device.can("can_program_online_access_codes")) {
			throw ApiException.badRequest("action_not_supported", "This device cannot be programmed with access codes");
		}
		return device;
	}

	private void refuseUnsupported(DeviceRef device, String code) {
		String problem = AccessCodePins.problem(device, code);
		if (problem != null) {
			throw SeamParams.invalidParameter("code", problem);
		}
	}

	private String generate(DeviceRef device, Integer preferredLength) {
		int length = AccessCodePins.lengthFor(device, preferredLength);
		for (int i = 0; i < GENERATION_ATTEMPTS; i++) {
			String code = AccessCodePins.random(length);
			if (!this.codes.existsByWorkspaceIdAndDeviceIdAndCode(device.workspaceId(), device.deviceId(), code)) {
				return code;
			}
		}
		throw ApiException.badRequest("no_available_code", "Could not find a code the device does not have yet");
	}

	/**
	 * A code already on the device is refused before writing; two concurrent writes of
	 * one code both pass this, and the unique index refuses the second
	 * ({@link #flushRefusingDuplicate}).
	 */
	private void refuseTaken(DeviceRef device, String code) {
		if (this.codes.existsByWorkspaceIdAndDeviceIdAndCode(device.workspaceId(), device.deviceId(), code)) {
			throw duplicate();
		}
	}

	private void flushRefusingDuplicate() {
		try {
			this.codes.flush();
		}
		catch (DataIntegrityViolationException ex) {
			if (Sql.isUniqueViolation(ex)) {
				throw duplicate();
			}
			throw ex;
		}
	}

	private ActionAttemptView startAttempt(AccessCode code, DeviceRef device, String actionType, boolean sync) {
		return this.attempts.start(code.getWorkspaceId(), actionType, code.getDeviceId(), device.connectedAccountId(),
				Map.of("access_code_id", code.getId()), sync);
	}

	private static boolean or(Boolean given, boolean current) {
		return (given != null) ? given : current;
	}

	// Seam's timestamps have millisecond precision (JavaScript dates).
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static ApiException notFound() {
		return ApiException.notFound("access_code_not_found", "Access code not found");
	}

	private static ApiException duplicate() {
		return new ApiException(HttpStatus.CONFLICT, "duplicate_access_code",
				"An access code with this code already exists on the device");
	}

}
