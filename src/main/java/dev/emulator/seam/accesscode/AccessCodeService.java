package dev.emulator.seam.accesscode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.actionattempt.ActionAttempts;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.device.DeviceDirectory;
import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.support.Secrets;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.SeamParams;

import org.springframework.dao.DuplicateKeyException;
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

	private final DeviceDirectory devices;

	private final ActionAttempts attempts;

	private final AccessCodeEvents events;

	private final ResourceScopes scopes;

	private final Clock clock;

	AccessCodeService(AccessCodeRepository codes, DeviceDirectory devices, ActionAttempts attempts,
			AccessCodeEvents events, ResourceScopes scopes, Clock clock) {
		this.codes = codes;
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
		Instant now = now();
		AccessCodeRow row = new AccessCodeRow(Secrets.newId(), auth.workspaceId(), device.deviceId(),
				device.connectedAccountId(), settings.name(), code, settings.timeBound() ? "time_bound" : "ongoing",
				"setting", settings.startsAt(), settings.endsAt(), params.commonCodeKey(),
				Boolean.TRUE.equals(settings.isOneTimeUse()),
				Boolean.TRUE.equals(settings.isExternalModificationAllowed()),
				Boolean.TRUE.equals(settings.isOfflineAccessCode()), now);
		try {
			this.codes.insert(row);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate();
		}
		this.events.record(row, "access_code.created", "An access code was created.", Map.of(), now);
		ActionAttemptView attempt = startAttempt(row, CREATE_ACCESS_CODE, settings.sync());
		return new Created(reread(row), attempt);
	}

	AccessCodeView get(AuthContext auth, String accessCodeId, String deviceId, String code) {
		AccessCodeRow row;
		if (accessCodeId != null) {
			row = this.codes.find(auth.workspaceId(), accessCodeId).orElseThrow(AccessCodeService::notFound);
			this.devices.visible(auth, row.deviceId());
		}
		else {
			DeviceRef device = this.devices.visible(auth, deviceId);
			row = this.codes.findByCode(auth.workspaceId(), device.deviceId(), code)
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
		List<AccessCodeView> rows = this.codes
			.search(auth.workspaceId(), visible, filter.deviceId(), filter.accessCodeIds(), filter.search(), page)
			.stream()
			.map((row) -> row.view(now))
			.toList();
		return page.result(rows, AccessCodeView::createdAt, AccessCodeView::accessCodeId);
	}

	/** A code for the device that none of its codes has yet; nothing is stored. */
	AccessCodeView generateCode(AuthContext auth, String deviceId) {
		DeviceRef device = programmableDevice(auth, deviceId);
		return new AccessCodeRow(Secrets.newId(), auth.workspaceId(), device.deviceId(), device.connectedAccountId(),
				null, generate(device, null), "ongoing", "setting", null, null, null, false, false, false, now())
			.view(now());
	}

	/**
	 * Changes the code under a row lock, so concurrent updates of one code apply one
	 * after the other. A new PIN or time frame has to reach the device again: the code is
	 * {@code setting} until its attempt completes.
	 */
	@Transactional
	ActionAttemptView update(AuthContext auth, AccessCodeParams.Update params) {
		AccessCodeRow current = lockVisible(auth, params.accessCodeId(), params.deviceId());
		AccessCodeParams.Settings settings = params.settings();
		DeviceRef device = this.devices.visible(auth, current.deviceId());
		String code = (settings.code() != null) ? settings.code() : current.code();
		if (settings.code() != null) {
			refuseUnsupported(device, code);
		}
		boolean ongoing = "ongoing".equals(params.type())
				|| (params.type() == null && !settings.timeBound() && "ongoing".equals(current.type()));
		Instant startsAt = ongoing ? null : (settings.timeBound() ? settings.startsAt() : current.startsAt());
		Instant endsAt = ongoing ? null : (settings.timeBound() ? settings.endsAt() : current.endsAt());
		boolean reprogram = !code.equals(current.code()) || !Objects.equals(startsAt, current.startsAt())
				|| !Objects.equals(endsAt, current.endsAt());
		AccessCodeRow changed = new AccessCodeRow(current.accessCodeId(), current.workspaceId(), current.deviceId(),
				current.connectedAccountId(), (settings.name() != null) ? settings.name() : current.name(), code,
				ongoing ? "ongoing" : "time_bound", reprogram ? "setting" : current.status(), startsAt, endsAt,
				current.commonCodeKey(), or(settings.isOneTimeUse(), current.isOneTimeUse()),
				or(settings.isExternalModificationAllowed(), current.isExternalModificationAllowed()),
				or(settings.isOfflineAccessCode(), current.isOfflineAccessCode()), current.createdAt());
		try {
			this.codes.update(changed);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate();
		}
		if (!changed.equals(current)) {
			Instant now = now();
			this.events.record(changed, "access_code.changed", "An access code was changed.", Map.of(), now);
			this.events.recordRenamedOrRecoded(current, changed, now);
		}
		return startAttempt(changed, UPDATE_ACCESS_CODE, settings.sync());
	}

	/**
	 * Deletes the code at once (its PIN is free again on the device) and records
	 * {@code access_code.deleted}.
	 */
	@Transactional
	ActionAttemptView delete(AuthContext auth, String accessCodeId, String deviceId, boolean sync) {
		AccessCodeRow current = lockVisible(auth, accessCodeId, deviceId);
		this.codes.delete(current.accessCodeId());
		this.events.record(current, "access_code.deleted", "An access code was deleted.",
				Map.of("code", current.code()), now());
		return startAttempt(current, DELETE_ACCESS_CODE, sync);
	}

	private AccessCodeRow lockVisible(AuthContext auth, String accessCodeId, String deviceId) {
		AccessCodeRow row = this.codes.findForUpdate(auth.workspaceId(), accessCodeId)
			.filter((found) -> deviceId == null || deviceId.equals(found.deviceId()))
			.orElseThrow(AccessCodeService::notFound);
		this.devices.visible(auth, row.deviceId());
		return row;
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
			if (!this.codes.codeExists(device.deviceId(), code)) {
				return code;
			}
		}
		throw ApiException.badRequest("no_available_code", "Could not find a code the device does not have yet");
	}

	private ActionAttemptView startAttempt(AccessCodeRow row, String actionType, boolean sync) {
		return this.attempts.start(row.workspaceId(), actionType, row.deviceId(), row.connectedAccountId(),
				Map.of("access_code_id", row.accessCodeId()), sync);
	}

	private AccessCodeView reread(AccessCodeRow row) {
		return this.codes.find(row.workspaceId(), row.accessCodeId()).orElse(row).view(now());
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
