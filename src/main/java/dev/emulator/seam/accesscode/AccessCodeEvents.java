package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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

	/**
	 * After an update: {@code access_code.name_changed} when the name changed and
	 * {@code access_code.code_changed} when the PIN did, each with Seam's {@code from}
	 * and {@code to} (BEHAVIOUR 6.9).
	 */
	void recordRenamedOrRecoded(AccessCode after, DeviceRef device, String nameBefore, String codeBefore,
			Instant occurredAt) {
		if (!Objects.equals(nameBefore, after.getName())) {
			record(after, device, "access_code.name_changed", "The name of an access code was changed.",
					Map.of("from", nullable("name", nameBefore), "to", nullable("name", after.getName()), "description",
							"The access code's name was changed through the API."),
					occurredAt);
		}
		if (!Objects.equals(codeBefore, after.getCode())) {
			record(after, device, "access_code.code_changed", "The PIN of an access code was changed.",
					Map.of("from", nullable("code", codeBefore), "to", nullable("code", after.getCode()), "description",
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

	void record(AccessCode code, DeviceRef device, String type, String description, Map<String, Object> extra,
			Instant occurredAt) {
		Map<String, Object> payload = new HashMap<>(extra);
		payload.put("access_code_id", code.getId());
		this.events.append(code.getWorkspaceId(), new EventLog.NewEvent(type, description, code.getDeviceId(),
				device.connectedAccountId(), null, null, payload), occurredAt);
	}

}
