package dev.emulator.seam.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.auth.ResourceScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads events. Every query starts with the scope's workspace and, for a restricted
 * scope, keeps only the events that concern what the session owns (BEHAVIOUR 4.6): its
 * own session, one of its connected accounts or webviews, or a device of one of its
 * accounts. Events naming none of these (a workspace-level event) are hidden from
 * sessions.
 */
@Repository
class EventRepository {

	private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {
	};

	// A payload member never overrides a column: the columns are what filtering and
	// visibility were decided on.
	private static final Set<String> CORE_MEMBERS = Set.of("event_id", "event_type", "workspace_id", "created_at",
			"occurred_at", "event_description", "device_id", "connected_account_id", "connect_webview_id",
			"client_session_id");

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	EventRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/** /events/list: every filter combines with AND; oldest first. */
	List<EventView> search(ResourceScope scope, EventParams.ListFilter filter) {
		Query query = new Query(scope);
		if (filter.since() != null) {
			// Seam's fake compares created_at, exclusive (events/list.ts); OAS calls it
			// the "generation time".
			query.where("created_at > :since", "since", Timestamp.from(filter.since()));
		}
		if (filter.betweenStart() != null && filter.betweenEnd() != null) {
			// OAS: "an exclusive interval"
			query.where("created_at > :betweenStart", "betweenStart", Timestamp.from(filter.betweenStart()));
			query.where("created_at < :betweenEnd", "betweenEnd", Timestamp.from(filter.betweenEnd()));
		}
		query.equal("event_type", filter.eventType());
		query.in("event_type", filter.eventTypes());
		query.in("event_id", filter.eventIds());
		query.equal("device_id", filter.deviceId());
		query.in("device_id", filter.deviceIds());
		query.equal("connected_account_id", filter.connectedAccountId());
		query.equal("connect_webview_id", filter.connectWebviewId());
		filter.payloadFilters().forEach(query::payloadIn);
		return query.list("order by occurred_at, event_id limit :limit offset :offset",
				Map.of("limit", filter.limit(), "offset", filter.offset()));
	}

	/** /events/get: the most recent visible event matching every given criterion. */
	Optional<EventView> findNewest(ResourceScope scope, EventParams.Get criteria) {
		Query query = new Query(scope);
		query.equal("event_id", criteria.eventId());
		query.equal("event_type", criteria.eventType());
		query.equal("device_id", criteria.deviceId());
		return query.list("order by occurred_at desc, event_id desc limit 1", Map.of()).stream().findFirst();
	}

	private EventView map(ResultSet rs, int rowNum) throws SQLException {
		Map<String, Object> members = new LinkedHashMap<>(this.jsonMapper.readValue(rs.getString("payload"), MEMBERS));
		members.keySet().removeAll(CORE_MEMBERS);
		return new EventView(rs.getString("event_id"), rs.getString("event_type"), rs.getString("workspace_id"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("occurred_at").toInstant(),
				rs.getString("event_description"), rs.getString("device_id"), rs.getString("connected_account_id"),
				rs.getString("connect_webview_id"), rs.getString("client_session_id"), members);
	}

	/**
	 * A select over one workspace's events, narrowed by AND-ed conditions with named
	 * parameters.
	 */
	private final class Query {

		private final StringBuilder sql = new StringBuilder("select * from events where workspace_id = :workspaceId");

		private final Map<String, Object> params = new LinkedHashMap<>();

		Query(ResourceScope scope) {
			this.params.put("workspaceId", scope.workspaceId());
			if (scope.restricted()) {
				this.sql.append("""

						and (client_session_id = :scopeSessionId
						     or connected_account_id = any(:scopeAccountIds)
						     or connect_webview_id = any(:scopeWebviewIds)
						     or device_id in (select d.device_id from devices d
						                      where d.workspace_id = :workspaceId and d.is_managed
						                        and d.connected_account_id = any(:scopeAccountIds)))""");
				this.params.put("scopeSessionId", scope.clientSessionId());
				this.params.put("scopeAccountIds", scope.connectedAccountIds().toArray(String[]::new));
				this.params.put("scopeWebviewIds", scope.connectWebviewIds().toArray(String[]::new));
			}
		}

		void where(String condition, String name, Object value) {
			this.sql.append("\n  and ").append(condition);
			this.params.put(name, value);
		}

		void equal(String column, String value) {
			if (value != null) {
				where(column + " = :" + column, column, value);
			}
		}

		void in(String column, List<String> values) {
			if (values != null) {
				String name = column + "_in";
				where(column + " = any(:" + name + ")", name, values.toArray(String[]::new));
			}
		}

		void payloadIn(String member, List<String> values) {
			int index = this.params.size();
			// The member name is bound too: only the values of EventParams' fixed lists
			// reach here, but no name is ever spliced into the SQL text.
			where("payload ->> :member" + index + " = any(:values" + index + ")", "values" + index,
					values.toArray(String[]::new));
			this.params.put("member" + index, member);
		}

		List<EventView> list(String tail, Map<String, Object> tailParams) {
			this.params.putAll(tailParams);
			return EventRepository.this.jdbc.sql(this.sql + "\n" + tail)
				.params(this.params)
				.query(EventRepository.this::map)
				.list();
		}

	}

}
