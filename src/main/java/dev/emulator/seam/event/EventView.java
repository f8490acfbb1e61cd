package dev.emulator.seam.event;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One public {@code event} (BEHAVIOUR 6.7). Seam's event is a union of variants
 * discriminated by {@code event_type}; the members every variant has come first, the ids
 * a variant names only when set, then the variant's further members from the stored
 * payload.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventView(String eventId, String eventType, String workspaceId, Instant createdAt, Instant occurredAt,
		String eventDescription, String deviceId, String connectedAccountId, String connectWebviewId,
		String clientSessionId, @JsonIgnore Map<String, Object> members) {

	@JsonAnyGetter
	Map<String, Object> anyMembers() {
		return this.members;
	}

}
