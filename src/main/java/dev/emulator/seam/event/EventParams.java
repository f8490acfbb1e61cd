package dev.emulator.seam.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * The validated parameters of {@code /events/list} and {@code /events/get} (BEHAVIOUR
 * 4.6).
 */
final class EventParams {

	/**
	 * Filters of /events/list that name an id no column of ours holds: the events
	 * carrying them keep it in their payload, so the filter reads it there (and finds
	 * nothing while no such events are produced).
	 */
	private static final List<String> PAYLOAD_ID_FILTERS = List.of("access_code_id", "acs_system_id", "acs_user_id",
			"acs_credential_id", "acs_entrance_id", "acs_encoder_id", "acs_access_group_id", "access_grant_id",
			"access_method_id", "space_id", "user_identity_id", "customer_key");

	private static final List<String> PAYLOAD_ID_LIST_FILTERS = List.of("access_code_ids", "acs_system_ids",
			"access_grant_ids", "access_method_ids", "space_ids");

	private static final int DEFAULT_LIMIT = 500;

	private EventParams() {
	}

	/**
	 * @param payloadFilters payload member name to the values it may have (one value for
	 * a single-id filter)
	 */
	record ListFilter(Instant since, Instant betweenStart, Instant betweenEnd, String eventType,
			List<String> eventTypes, List<String> eventIds, String deviceId, List<String> deviceIds,
			String connectedAccountId, String connectWebviewId, Map<String, List<String>> payloadFilters, int limit,
			int offset) implements RouteParams {

		static ListFilter from(SeamParams params) {
			String rawSince = params.string("since");
			boolean sinceGiven = rawSince != null && !rawSince.isEmpty();
			Instant since = timestamp(params, "since", rawSince);
			List<String> between = params.stringList("between");
			Instant start = null;
			Instant end = null;
			if (between != null) {
				if (between.size() < 2) {
					params.addError("between", "Array must contain at least 2 element(s)");
				}
				else if (between.size() > 2) {
					params.addError("between", "Array must contain at most 2 element(s)");
				}
				else {
					start = timestamp(params, "between", between.get(0));
					end = timestamp(params, "between", between.get(1));
				}
			}
			// Seam's fake words these two rules exactly so (events/list.ts); they are
			// form-level errors.
			if (!sinceGiven && !params.isPresent("between")) {
				params.addFormError("Must specify either since or between");
			}
			if (sinceGiven && params.isPresent("between")) {
				params.addFormError("Cannot specify both since and between");
			}
			String eventType = params.nonEmptyString("event_type");
			List<String> eventTypes = params.stringList("event_types");
			List<String> eventIds = params.stringList("event_ids");
			String deviceId = params.nonEmptyString("device_id");
			List<String> deviceIds = params.stringList("device_ids");
			String accountId = params.nonEmptyString("connected_account_id");
			String webviewId = params.nonEmptyString("connect_webview_id");
			Map<String, List<String>> payloadFilters = new LinkedHashMap<>();
			for (String name : PAYLOAD_ID_FILTERS) {
				String value = params.nonEmptyString(name);
				if (value != null) {
					payloadFilters.put(name, List.of(value));
				}
			}
			for (String name : PAYLOAD_ID_LIST_FILTERS) {
				List<String> values = params.stringList(name);
				if (values != null) {
					payloadFilters.put(name.substring(0, name.length() - 1), values);
				}
			}
			Integer limit = params.integer("limit");
			if (limit != null && limit < 1) {
				params.addError("limit", "Number must be greater than 0");
			}
			else if (limit != null && limit > DEFAULT_LIMIT) {
				params.addError("limit", "Number must be less than or equal to " + DEFAULT_LIMIT);
			}
			Integer offset = params.integer("unstable_offset");
			if (offset != null && offset < 0) {
				params.addError("unstable_offset", "Number must be greater than or equal to 0");
			}
			return new ListFilter(since, start, end, eventType, eventTypes, eventIds, deviceId, deviceIds, accountId,
					webviewId, payloadFilters, (limit != null) ? limit : DEFAULT_LIMIT, (offset != null) ? offset : 0);
		}

	}

	record Get(String eventId, String eventType, String deviceId) implements RouteParams {

		static Get from(SeamParams params) {
			String eventId = params.string("event_id");
			String eventType = params.string("event_type");
			String deviceId = params.string("device_id");
			if (isEmpty(eventId) && isEmpty(eventType) && isEmpty(deviceId)) {
				// Seam's fake: events/get.ts
				params.addFormError("An argument for event_id, event_type, or device_id is required");
			}
			return new Get(emptyToNull(eventId), emptyToNull(eventType), emptyToNull(deviceId));
		}

	}

	/**
	 * A timestamp as Seam's clients send it: ISO-8601 with an offset
	 * ({@code toISOString()}), or without one (read as UTC), or a bare date (its start,
	 * UTC). The empty string counts as absent.
	 */
	private static Instant timestamp(SeamParams params, String name, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		Instant instant = parseTimestamp(value);
		if (instant == null || !SeamParams.isInDateRange(instant)) {
			params.addError(name, "Invalid datetime");
			return null;
		}
		return instant;
	}

	private static Instant parseTimestamp(String value) {
		try {
			return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ignored) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ignored) {
			// try the next form
		}
		try {
			return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean isEmpty(String value) {
		return value == null || value.isEmpty();
	}

	private static String emptyToNull(String value) {
		return isEmpty(value) ? null : value;
	}

}
