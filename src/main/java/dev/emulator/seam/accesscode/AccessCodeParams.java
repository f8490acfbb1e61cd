package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * The validated parameters of the access code routes, read as Seam's OpenAPI describes
 * them.
 */
final class AccessCodeParams {

	private static final Set<String> TIME_ROUNDINGS = Set.of("1hour", "1day", "1h", "1d");

	private AccessCodeParams() {
	}

	/**
	 * What create and update share. {@code startsAt}/{@code endsAt} are both given or
	 * both null.
	 *
	 * @param code null when not given
	 */
	record Settings(String name, String code, Instant startsAt, Instant endsAt, Boolean isOneTimeUse,
			Boolean isExternalModificationAllowed, Boolean isOfflineAccessCode, Integer preferredCodeLength,
			boolean sync) {

		boolean timeBound() {
			return this.startsAt != null;
		}

	}

	record Create(String deviceId, Settings settings, String commonCodeKey) implements RouteParams {

		static Create from(SeamParams params) {
			String deviceId = params.requiredString("device_id");
			Settings settings = readSettings(params);
			String commonCodeKey = params.string("common_code_key");
			Boolean backupPool = params.bool("use_backup_access_code_pool");
			if (Boolean.TRUE.equals(backupPool) && !params.isPresent("starts_at") && !params.isPresent("ends_at")) {
				params.addFormError("Cannot use the backup pool for ongoing codes");
			}
			return new Create(deviceId, settings, commonCodeKey);
		}

	}

	/**
	 * @param type null when not given
	 */
	record Update(String accessCodeId, String deviceId, String type, Settings settings) implements RouteParams {

		static Update from(SeamParams params) {
			String accessCodeId = params.requiredString("access_code_id");
			String deviceId = params.nonEmptyString("device_id");
			String type = params.string("type");
			if (type != null && !type.equals("ongoing") && !type.equals("time_bound")) {
				params.addError("type",
						"Invalid enum value. Expected 'ongoing' | 'time_bound', received '" + type + "'");
			}
			if ("time_bound".equals(type) && (!params.isPresent("starts_at") || !params.isPresent("ends_at"))) {
				params.addFormError("'time_bound' Access codes must include both starts_at and ends_at");
			}
			if ("ongoing".equals(type) && (params.isPresent("starts_at") || params.isPresent("ends_at"))) {
				params.addFormError("'ongoing' Access codes cannot have starts_at or ends_at");
			}
			Boolean managed = params.bool("is_managed");
			if (Boolean.FALSE.equals(managed)) {
				params.addError("is_managed", "Converting a managed access code to an unmanaged one is not supported");
			}
			params.bool("use_backup_access_code_pool");
			Settings settings = readSettings(params);
			return new Update(accessCodeId, deviceId, type, settings);
		}

	}

	record ListRequest(ListFilter filter, Paging.Request page) implements RouteParams {

		static ListRequest from(SeamParams params) {
			ListFilter filter = ListFilter.from(params);
			return new ListRequest(filter, Paging.read(params, filter.fingerprint()));
		}

	}

	record Get(String accessCodeId, String deviceId, String code) implements RouteParams {

		static Get from(SeamParams params) {
			String accessCodeId = params.nonEmptyString("access_code_id");
			String deviceId = params.nonEmptyString("device_id");
			String code = params.nonEmptyString("code");
			// Seam's fake words these rules so (access_codes/get.ts).
			if (accessCodeId == null) {
				if (code == null && deviceId == null) {
					params.addFormError("Either \"access_code_id\" OR \"code\" and \"device_id\" must be provided");
				}
				else if (code == null || deviceId == null) {
					params.addFormError("Both \"device_id\" and \"code\" must be provided if one is");
				}
			}
			else if (code != null) {
				params.addFormError("Both \"access_code_id\" and \"code\" can not be provided");
			}
			return new Get(accessCodeId, deviceId, code);
		}

	}

	record Delete(String accessCodeId, String deviceId, boolean sync) implements RouteParams {

		static Delete from(SeamParams params) {
			String accessCodeId = params.requiredString("access_code_id");
			String deviceId = params.nonEmptyString("device_id");
			return new Delete(accessCodeId, deviceId, Boolean.TRUE.equals(params.bool("sync")));
		}

	}

	record GenerateCode(String deviceId) implements RouteParams {

		static GenerateCode from(SeamParams params) {
			return new GenerateCode(params.requiredString("device_id"));
		}

	}

	record ListFilter(String deviceId, List<String> accessCodeIds, String userIdentifierKey, String search) {

		static ListFilter from(SeamParams params) {
			String deviceId = params.string("device_id");
			List<String> ids = params.stringList("access_code_ids");
			String userIdentifierKey = params.string("user_identifier_key");
			String search = params.nonEmptyString("search");
			// Seam's fake refines with Boolean(device_id) || Boolean(access_code_ids).
			if ((deviceId == null || deviceId.isEmpty()) && ids == null) {
				params.addFormError("Either 'device_id' or 'access_code_ids' is required");
			}
			for (String unsupported : List.of("access_method_id", "access_grant_id", "access_grant_key")) {
				if (params.isPresent(unsupported)) {
					params.addError(unsupported, "Not supported by this server");
				}
			}
			return new ListFilter((deviceId == null || deviceId.isEmpty()) ? null : deviceId, ids, userIdentifierKey,
					search);
		}

		Object[] fingerprint() {
			return new Object[] { this.deviceId, this.accessCodeIds, this.userIdentifierKey, this.search };
		}

	}

	private static Settings readSettings(SeamParams params) {
		String name = params.string("name");
		String code = params.string("code");
		if (code != null) {
			if (code.length() < AccessCodePins.MIN_LENGTH) {
				params.addError("code", "String must contain at least " + AccessCodePins.MIN_LENGTH + " character(s)");
			}
			else if (code.length() > AccessCodePins.MAX_LENGTH) {
				params.addError("code", "String must contain at most " + AccessCodePins.MAX_LENGTH + " character(s)");
			}
			else if (!code.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				params.addError("code", "Invalid");
			}
		}
		Instant startsAt = params.instant("starts_at");
		Instant endsAt = params.instant("ends_at");
		if (params.isPresent("starts_at") != params.isPresent("ends_at")) {
			params.addFormError("Both starts_at and ends_at must be provided if one is");
		}
		else if (startsAt != null && endsAt != null && !startsAt.isBefore(endsAt)) {
			params.addFormError("ends_at must be later than starts_at");
		}
		Boolean oneTimeUse = params.bool("is_one_time_use");
		Boolean external = params.bool("is_external_modification_allowed");
		Boolean allowExternal = params.bool("allow_external_modification");
		Boolean offline = params.bool("is_offline_access_code");
		Integer preferredLength = params.integer("preferred_code_length");
		Boolean sync = params.bool("sync");
		// Accepted as Seam's OpenAPI types them; this server has no offline devices to
		// program, nor native schedules.
		params.bool("attempt_for_offline_device");
		params.bool("prefer_native_scheduling");
		params.bool("use_offline_access_code");
		String rounding = params.string("max_time_rounding");
		if (rounding != null && !TIME_ROUNDINGS.contains(rounding)) {
			params.addError("max_time_rounding",
					"Invalid enum value. Expected '1hour' | '1day' | '1h' | '1d', received '" + rounding + "'");
		}
		return new Settings(name, code, startsAt, endsAt, oneTimeUse, (external != null) ? external : allowExternal,
				offline, preferredLength, Boolean.TRUE.equals(sync));
	}

}
