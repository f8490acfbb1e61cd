package dev.emulator.seam.accesscode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.emulator.seam.support.Sql;
import dev.emulator.seam.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of access codes: every query maps its rows to a {@link Row}, which
 * {@link Row#view} shows as Seam does at a given instant. Every query starts with the
 * workspace, names only the filters given and joins the code's device for its connected
 * account, which is what a client session's scope is made of. Writes go through
 * {@link AccessCodeRepository}.
 */
@Repository
class AccessCodeReads {

	private static final String COLUMNS = """
			select ac.access_code_id, ac.workspace_id, ac.device_id, d.connected_account_id, ac.name, ac.code, ac.type,
			       ac.status, ac.starts_at, ac.ends_at, ac.common_code_key, ac.is_one_time_use,
			       ac.is_external_modification_allowed, ac.is_offline_access_code, ac.created_at
			from access_codes ac
			join devices d on d.device_id = ac.device_id and d.workspace_id = ac.workspace_id
			""";

	private final JdbcClient jdbc;

	AccessCodeReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(String workspaceId, String accessCodeId) {
		return this.jdbc.sql(COLUMNS + "where ac.workspace_id = :workspaceId and ac.access_code_id = :id")
			.param("workspaceId", workspaceId)
			.param("id", accessCodeId)
			.query(AccessCodeReads::map)
			.optional();
	}

	Optional<Row> findByCode(String workspaceId, String deviceId, String code) {
		return this.jdbc
			.sql(COLUMNS + "where ac.workspace_id = :workspaceId and ac.device_id = :deviceId\n"
					+ "and ac.code = :code")
			.param("workspaceId", workspaceId)
			.param("deviceId", deviceId)
			.param("code", code)
			.query(AccessCodeReads::map)
			.optional();
	}

	/**
	 * One page of the workspace's codes matching every given filter (null: not given),
	 * oldest first.
	 * @param visibleAccountIds the connected accounts whose devices' codes the caller may
	 * see; null for all
	 */
	List<Row> search(String workspaceId, Set<String> visibleAccountIds, String deviceId, List<String> ids,
			String search, Paging.Request page) {
		StringBuilder sql = new StringBuilder(COLUMNS).append("where ac.workspace_id = :workspaceId\n");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (visibleAccountIds != null) {
			sql.append("and d.connected_account_id = any(:visible)\n");
			params.put("visible", visibleAccountIds.toArray(String[]::new));
		}
		if (deviceId != null) {
			sql.append("and ac.device_id = :deviceId\n");
			params.put("deviceId", deviceId);
		}
		if (ids != null) {
			sql.append("and ac.access_code_id = any(:ids)\n");
			params.put("ids", ids.toArray(String[]::new));
		}
		if (search != null) {
			sql.append("and (ac.name ilike :pattern escape '\\' or ac.code like :pattern escape '\\'"
					+ " or ac.access_code_id like :pattern escape '\\')\n");
			params.put("pattern", Sql.containsPattern(search));
		}
		if (page.afterId() != null) {
			sql.append("and (ac.created_at, ac.access_code_id) > (:afterCreatedAt, :afterId)\n");
			params.put("afterCreatedAt", Timestamp.from(page.afterCreatedAt()));
			params.put("afterId", page.afterId());
		}
		sql.append("order by ac.created_at, ac.access_code_id\nlimit :limit");
		params.put("limit", page.limit() + 1);
		return this.jdbc.sql(sql.toString()).params(params).query(AccessCodeReads::map).list();
	}

	private static Row map(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getString("access_code_id"), rs.getString("workspace_id"), rs.getString("device_id"),
				rs.getString("connected_account_id"), rs.getString("name"), rs.getString("code"), rs.getString("type"),
				rs.getString("status"), instant(rs, "starts_at"), instant(rs, "ends_at"),
				rs.getString("common_code_key"), rs.getBoolean("is_one_time_use"),
				rs.getBoolean("is_external_modification_allowed"), rs.getBoolean("is_offline_access_code"),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A stored access code with its device's connected account (which decides who sees
	 * it).
	 */
	record Row(String accessCodeId, String workspaceId, String deviceId, String connectedAccountId, String name,
			String code, String type, String status, Instant startsAt, Instant endsAt, String commonCodeKey,
			boolean isOneTimeUse, boolean isExternalModificationAllowed, boolean isOfflineAccessCode,
			Instant createdAt) {

		/**
		 * As Seam shows it at {@code now}: a time-bound code that is set is {@code unset}
		 * outside its time frame (the device holds it only from {@code starts_at} to
		 * {@code ends_at}).
		 */
		AccessCodeView view(Instant now) {
			String shown = this.status;
			if (AccessCode.SET.equals(this.status) && AccessCode.TIME_BOUND.equals(this.type)
					&& (now.isBefore(this.startsAt) || !now.isBefore(this.endsAt))) {
				shown = "unset";
			}
			return new AccessCodeView(this.accessCodeId, this.workspaceId, this.deviceId, this.name, this.code,
					this.type, shown, this.startsAt, this.endsAt, this.commonCodeKey, this.createdAt, true,
					this.isOneTimeUse, this.isExternalModificationAllowed, this.isOfflineAccessCode, false, List.of(),
					List.of(), List.of(), this.connectedAccountId);
		}

	}

}
