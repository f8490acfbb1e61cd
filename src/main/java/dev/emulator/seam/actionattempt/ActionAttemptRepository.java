package dev.emulator.seam.actionattempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code action_attempts}; every read starts with the workspace. */
@Repository
class ActionAttemptRepository {

	private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			select action_attempt_id, action_type, status, result::text as result, error::text as error,
			       connected_account_id, created_at
			from action_attempts
			""";

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	ActionAttemptRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	void insert(String id, String workspaceId, String actionType, String deviceId, String connectedAccountId,
			Map<String, Object> params, Instant createdAt, Instant completesAt) {
		this.jdbc.sql("""
				insert into action_attempts (action_attempt_id, workspace_id, action_type, status, device_id,
				                             connected_account_id, params, created_at, completes_at)
				values (:id, :workspaceId, :actionType, 'pending', :deviceId, :accountId, cast(:params as jsonb),
				        :createdAt, :completesAt)
				""")
			.param("id", id)
			.param("workspaceId", workspaceId)
			.param("actionType", actionType)
			.param("deviceId", deviceId)
			.param("accountId", connectedAccountId)
			.param("params", this.jsonMapper.writeValueAsString(params))
			.param("createdAt", Timestamp.from(createdAt))
			.param("completesAt", Timestamp.from(completesAt))
			.update();
	}

	Optional<ActionAttemptView> find(String workspaceId, String id) {
		return this.jdbc.sql(COLUMNS + "where workspace_id = :workspaceId and action_attempt_id = :id")
			.param("workspaceId", workspaceId)
			.param("id", id)
			.query(ActionAttemptRepository::map)
			.optional();
	}

	/**
	 * One page of the workspace's attempts, oldest first, matching the given filters
	 * (null: not given).
	 */
	List<ActionAttemptView> search(String workspaceId, List<String> ids, String deviceId, Paging.Request page) {
		StringBuilder sql = new StringBuilder(COLUMNS).append("where workspace_id = :workspaceId\n");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (ids != null) {
			sql.append("and action_attempt_id = any(:ids)\n");
			params.put("ids", ids.toArray(String[]::new));
		}
		if (deviceId != null) {
			sql.append("and device_id = :deviceId\n");
			params.put("deviceId", deviceId);
		}
		if (page.afterId() != null) {
			sql.append("and (created_at, action_attempt_id) > (:afterCreatedAt, :afterId)\n");
			params.put("afterCreatedAt", Timestamp.from(page.afterCreatedAt()));
			params.put("afterId", page.afterId());
		}
		sql.append("order by created_at, action_attempt_id\nlimit :limit");
		params.put("limit", page.limit() + 1);
		return this.jdbc.sql(sql.toString()).params(params).query(ActionAttemptRepository::map).list();
	}

	/**
	 * Locks the due pending attempts among {@code ids} of the workspace ({@code ids}
	 * null: any workspace's, at most {@code max}, skipping those another transaction
	 * holds). A row another transaction is completing is waited for when named by id, and
	 * is then no longer pending, so it is never carried out twice.
	 */
	List<ActionAttemptHandler.DueAttempt> lockDue(String workspaceId, Set<String> ids, Instant now, int max) {
		String sql = """
				select action_attempt_id, workspace_id, action_type, device_id, connected_account_id,
				       params::text as params
				from action_attempts
				where status = 'pending' and completes_at <= :now
				""";
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("now", Timestamp.from(now));
		if (ids != null) {
			sql += "and workspace_id = :workspaceId and action_attempt_id = any(:ids)\n"
					+ "order by completes_at, action_attempt_id\nfor update";
			params.put("workspaceId", workspaceId);
			params.put("ids", ids.toArray(String[]::new));
		}
		else {
			sql += "order by completes_at, action_attempt_id\nlimit :max\nfor update skip locked";
			params.put("max", max);
		}
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, rowNum) -> new ActionAttemptHandler.DueAttempt(rs.getString("action_attempt_id"),
					rs.getString("workspace_id"), rs.getString("action_type"), rs.getString("device_id"),
					rs.getString("connected_account_id"), this.jsonMapper.readValue(rs.getString("params"), MEMBERS),
					now))
			.list();
	}

	void finish(String id, ActionAttemptHandler.Outcome outcome, Instant completedAt) {
		Map<String, Object> error = outcome.success() ? null
				: Map.of("type", outcome.errorType(), "message", outcome.errorMessage());
		this.jdbc.sql("""
				update action_attempts
				set status = :status, result = cast(:result as jsonb), error = cast(:error as jsonb),
				    completed_at = :completedAt
				where action_attempt_id = :id and status = 'pending'
				""")
			.param("status", outcome.success() ? "success" : "error")
			.param("result", outcome.success() ? this.jsonMapper.writeValueAsString(outcome.result()) : null)
			.param("error", (error != null) ? this.jsonMapper.writeValueAsString(error) : null)
			.param("completedAt", Timestamp.from(completedAt))
			.param("id", id)
			.update();
	}

	private static ActionAttemptView map(ResultSet rs, int rowNum) throws SQLException {
		return new ActionAttemptView(rs.getString("action_attempt_id"), rs.getString("action_type"),
				rs.getString("status"), rs.getString("result"), rs.getString("error"),
				rs.getString("connected_account_id"), rs.getTimestamp("created_at").toInstant());
	}

}
