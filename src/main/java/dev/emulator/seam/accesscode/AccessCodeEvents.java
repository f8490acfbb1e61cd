package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import dev.emulator.seam.event.EventLog;

import org.springframework.stereotype.Component;

/**
 * Records {@code access_code.*} events about a code, naming its device, connected account
 * and id.
 */
@Component
class AccessCodeEvents {

	private final EventLog events;

	AccessCodeEvents(EventLog events) {
		this.events = events;
	}

	/**
	 * After an update: {@code access_code.name_changed} when the name changed and
	 * {@code access_code.code_changed} when the PIN did, each with Seam's {@code from}
	 * and {@code to} (BEHAVIOUR 6.9).
	 */
	void recordRenamedOrRecoded(AccessCodeRow before, AccessCodeRow after, Instant occurredAt) {
		if (!Objects.equals(before.name(), after.name())) {
			record(after, "access_code.name_changed", "The name of an access code was changed.",
					Map.of("from", nullable("name", before.name()), "to", nullable("name", after.name()), "description",
							"The access code's name was changed through the API."),
					occurredAt);
		}
		if (!Objects.equals(before.code(), after.code())) {
			record(after, "access_code.code_changed", "The PIN of an access code was changed.",
					Map.of("from", nullable("code", before.code()), "to", nullable("code", after.code()), "description",
							"The access code's PIN was changed through the API."),
					occurredAt);
		}
	}

	/** One member whose value may be null, which {@code Map.of} refuses. */
	private static Map<String, Object> nullable(String name, String value) {
		Map<String, Object> member = new HashMap<>();
		member.put(name, value);
		return member;
	}

	void record(AccessCodeRow row, String type, String description, Map<String, Object> extra, Instant occurredAt) {
		Map<String, Object> payload = new HashMap<>(extra);
		payload.put("access_code_id", row.accessCodeId());
		this.events.append(row.workspaceId(),
				new EventLog.NewEvent(type, description, row.deviceId(), row.connectedAccountId(), null, null, payload),
				occurredAt);
	}

}
