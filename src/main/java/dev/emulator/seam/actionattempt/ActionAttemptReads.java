package dev.emulator.seam.actionattempt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.emulator.seam.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of action attempts: one row-to-view mapping, every query starting with
 * the workspace and naming only the filters given. Writes go through
 * {@link ActionAttemptRepository}.
 */
@Repository
class ActionAttemptReads {

	private static final String COLUMNS = """
			select action_attempt_id, action_type, status, result::text as result, error::text as error,
			       connected_account_id, created_at
			from action_attempts
			""";

	private final JdbcClient jdbc;

	ActionAttemptReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ActionAttemptView> find(String workspaceId, String id) {
		return this.jdbc.sql(COLUMNS + "where workspace_id = :workspaceId and action_attempt_id = :id")
			.param("workspaceId", workspaceId)
			.param("id", id)
			.query(ActionAttemptReads::map)
			.optional();
	}

	/** Every attempt of the workspace, oldest first. */
	List<ActionAttemptView> all(String workspaceId) {
		return this.jdbc.sql(COLUMNS + "where workspace_id = :workspaceId order by created_at, action_attempt_id")
			.param("workspaceId", workspaceId)
			.query(ActionAttemptReads::map)
			.list();
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
		return this.jdbc.sql(sql.toString()).params(params).query(ActionAttemptReads::map).list();
	}

	private static ActionAttemptView map(ResultSet rs, int rowNum) throws SQLException {
		return new ActionAttemptView(rs.getString("action_attempt_id"), rs.getString("action_type"),
				rs.getString("status"), rs.getString("result"), rs.getString("error"),
				rs.getString("connected_account_id"), rs.getTimestamp("created_at").toInstant());
	}

}
