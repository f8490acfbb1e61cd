package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.emulator.seam.device.DeviceRef;
import dev.emulator.seam.event.EventLog;

import org.springframework.stereotype.Component;

/**
 * Records {@code access_code.*} events about a code, naming its device, the device's
 * connected account and the code's id.
 */
@Component
class AccessCodeEvents {

	private final EventLog events;

	AccessCodeEvents(EventLog events) {
		this.events = events;
	}

	void record(AccessCode code, DeviceRef device, String type, String description, Map<String, Object> extra,
			Instant occurredAt) {
		Map<String, Object> payload = new HashMap<>(extra);
		payload.put("access_code_id", code.getId());
		this.events.append(code.getWorkspaceId(), new EventLog.NewEvent(type, description, code.getDeviceId(),
				device.connectedAccountId(), null, null, payload), occurredAt);
	}

}
