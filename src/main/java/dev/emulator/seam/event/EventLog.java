package dev.emulator.seam.event;

import java.time.Instant;

import dev.emulator.seam.support.Secrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends events; callers do so inside the transaction of the change the event reports. */
@Component
public class EventLog {

	private final JdbcClient jdbc;

	EventLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records {@code client_session.deleted} (CONTRACT 1.10) and returns the new event's id. */
	public String clientSessionDeleted(String workspaceId, String clientSessionId, Instant occurredAt) {
		String eventId = Secrets.newId();
		this.jdbc.sql("""
				insert into events (event_id, workspace_id, event_type, event_description, client_session_id,
				                    created_at, occurred_at)
				values (:eventId, :workspaceId, 'client_session.deleted', 'A client session was deleted.',
				        :clientSessionId, :occurredAt, :occurredAt)
				""")
			.param("eventId", eventId)
			.param("workspaceId", workspaceId)
			.param("clientSessionId", clientSessionId)
			.param("occurredAt", java.sql.Timestamp.from(occurredAt))
			.update();
		return eventId;
	}

}
