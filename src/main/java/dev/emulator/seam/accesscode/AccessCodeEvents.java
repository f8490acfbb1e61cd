package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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

	void record(AccessCodeRow row, String type, String description, Map<String, Object> extra, Instant occurredAt) {
		Map<String, Object> payload = new HashMap<>(extra);
		payload.put("access_code_id", row.accessCodeId());
		this.events.append(row.workspaceId(),
				new EventLog.NewEvent(type, description, row.deviceId(), row.connectedAccountId(), null, null, payload),
				occurredAt);
	}

}
