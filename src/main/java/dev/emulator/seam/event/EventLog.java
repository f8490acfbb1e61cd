package dev.emulator.seam.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.support.Secrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends events; callers do so inside the transaction of the change the event reports.
 */
@Component
public class EventLog {

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	EventLog(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Records {@code client_session.deleted} (BEHAVIOUR 6.7) and returns the new event's
	 * id.
	 */
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

	/**
	 * Records any event and returns its id. The ids it names go into their own columns
	 * (that is what {@code /events/list} filters on and what decides which client
	 * sessions see it); the variant's further members go into {@code payload} and are
	 * emitted as they are.
	 */
	public String append(String workspaceId, NewEvent event, Instant occurredAt) {
		String eventId = Secrets.newId();
		this.jdbc.sql("""
				insert into events (event_id, workspace_id, event_type, event_description, device_id,
				                    connected_account_id, connect_webview_id, client_session_id, payload,
				                    created_at, occurred_at)
				values (:eventId, :workspaceId, :eventType, :description, :deviceId, :accountId, :webviewId,
				        :clientSessionId, cast(:payload as jsonb), :occurredAt, :occurredAt)
				""")
			.param("eventId", eventId)
			.param("workspaceId", workspaceId)
			.param("eventType", event.eventType())
			.param("description", event.description())
			.param("deviceId", event.deviceId())
			.param("accountId", event.connectedAccountId())
			.param("webviewId", event.connectWebviewId())
			.param("clientSessionId", event.clientSessionId())
			.param("payload", this.jsonMapper.writeValueAsString(event.payload()))
			.param("occurredAt", java.sql.Timestamp.from(occurredAt))
			.update();
		return eventId;
	}

	/**
	 * An event to record. Only {@code eventType} is required; unset ids stay null.
	 *
	 * @param payload further members of the event variant (e.g.
	 * {@code connected_account_custom_metadata})
	 */
	public record NewEvent(String eventType, String description, String deviceId, String connectedAccountId,
			String connectWebviewId, String clientSessionId, Map<String, Object> payload) {

		public NewEvent {
			if (eventType == null) {
				throw new IllegalArgumentException("eventType cannot be null");
			}
			// A copy that keeps null members: some variants require a nullable member
			// (thermostat_schedule_id).
			payload = (payload != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(payload)) : Map.of();
		}

	}

}
