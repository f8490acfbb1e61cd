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

import dev.emulator.seam.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code access_codes}. Every read starts with the workspace and joins
 * the code's device for its connected account, which is what a client session's scope is
 * made of.
 */
@Repository
class AccessCodeRepository {

	private static final String COLUMNS = """
			select ac.access_code_id, ac.workspace_id, ac.device_id, d.connected_account_id, ac.name, ac.code, ac.type,
			       ac.status, ac.starts_at, ac.ends_at, ac.common_code_key, ac.is_one_time_use,
			       ac.is_external_modification_allowed, ac.is_offline_access_code, ac.created_at
			from access_codes ac
			join devices d on d.device_id = ac.device_id and d.workspace_id = ac.workspace_id
			""";

	private final JdbcClient jdbc;

	AccessCodeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the code; a code already on the device fails with the unique index's
	 * {@code DuplicateKeyException}.
	 */
	void insert(AccessCodeRow row) {
		this.jdbc.sql("""
				insert into access_codes (access_code_id, workspace_id, device_id, name, code, type, status, starts_at,
				                          ends_at, common_code_key, is_one_time_use, is_external_modification_allowed,
				                          is_offline_access_code, created_at)
				values (:id, :workspaceId, :deviceId, :name, :code, :type, :status, :startsAt, :endsAt, :commonCodeKey,
				        :oneTimeUse, :externalModification, :offline, :createdAt)
				""")
			.param("id", row.accessCodeId())
			.param("workspaceId", row.workspaceId())
			.param("deviceId", row.deviceId())
			.param("name", row.name())
			.param("code", row.code())
			.param("type", row.type())
			.param("status", row.status())
			.param("startsAt", timestamp(row.startsAt()))
			.param("endsAt", timestamp(row.endsAt()))
			.param("commonCodeKey", row.commonCodeKey())
			.param("oneTimeUse", row.isOneTimeUse())
			.param("externalModification", row.isExternalModificationAllowed())
			.param("offline", row.isOfflineAccessCode())
			.param("createdAt", timestamp(row.createdAt()))
			.update();
	}

	Optional<AccessCodeRow> find(String workspaceId, String accessCodeId) {
		return this.jdbc.sql(COLUMNS + "where ac.workspace_id = :workspaceId and ac.access_code_id = :id")
			.param("workspaceId", workspaceId)
			.param("id", accessCodeId)
			.query(AccessCodeRepository::map)
			.optional();
	}

	/**
	 * The code, its row locked until the transaction ends (updates and deletes of one
	 * code queue up).
	 */
	Optional<AccessCodeRow> findForUpdate(String workspaceId, String accessCodeId) {
		return this.jdbc
			.sql(COLUMNS + "where ac.workspace_id = :workspaceId and ac.access_code_id = :id\n" + "for update of ac")
			.param("workspaceId", workspaceId)
			.param("id", accessCodeId)
			.query(AccessCodeRepository::map)
			.optional();
	}

	Optional<AccessCodeRow> findByCode(String workspaceId, String deviceId, String code) {
		return this.jdbc
			.sql(COLUMNS + "where ac.workspace_id = :workspaceId and ac.device_id = :deviceId\n"
					+ "and ac.code = :code")
			.param("workspaceId", workspaceId)
			.param("deviceId", deviceId)
			.param("code", code)
			.query(AccessCodeRepository::map)
			.optional();
	}

	boolean codeExists(String deviceId, String code) {
		return this.jdbc.sql("select exists (select 1 from access_codes where device_id = :deviceId and code = :code)")
			.param("deviceId", deviceId)
			.param("code", code)
			.query(Boolean.class)
			.single();
	}

	/**
	 * One page of the workspace's codes matching every given filter (null: not given),
	 * oldest first.
	 * @param visibleAccountIds the connected accounts whose devices' codes the caller may
	 * see; null for all
	 */
	List<AccessCodeRow> search(String workspaceId, Set<String> visibleAccountIds, String deviceId, List<String> ids,
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
			params.put("pattern", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (page.afterId() != null) {
			sql.append("and (ac.created_at, ac.access_code_id) > (:afterCreatedAt, :afterId)\n");
			params.put("afterCreatedAt", timestamp(page.afterCreatedAt()));
			params.put("afterId", page.afterId());
		}
		sql.append("order by ac.created_at, ac.access_code_id\nlimit :limit");
		params.put("limit", page.limit() + 1);
		return this.jdbc.sql(sql.toString()).params(params).query(AccessCodeRepository::map).list();
	}

	/**
	 * Writes the changeable members of {@code row}; a code already on the device fails as
	 * {@link #insert} does.
	 */
	void update(AccessCodeRow row) {
		this.jdbc.sql("""
				update access_codes
				set name = :name, code = :code, type = :type, status = :status, starts_at = :startsAt,
				    ends_at = :endsAt, is_one_time_use = :oneTimeUse,
				    is_external_modification_allowed = :externalModification, is_offline_access_code = :offline
				where access_code_id = :id
				""")
			.param("name", row.name())
			.param("code", row.code())
			.param("type", row.type())
			.param("status", row.status())
			.param("startsAt", timestamp(row.startsAt()))
			.param("endsAt", timestamp(row.endsAt()))
			.param("oneTimeUse", row.isOneTimeUse())
			.param("externalModification", row.isExternalModificationAllowed())
			.param("offline", row.isOfflineAccessCode())
			.param("id", row.accessCodeId())
			.update();
	}

	/** Marks a code that is being set as set; whether it was. */
	boolean markSet(String accessCodeId) {
		return this.jdbc.sql("update access_codes set status = 'set' where access_code_id = :id and status = 'setting'")
			.param("id", accessCodeId)
			.update() == 1;
	}

	void delete(String accessCodeId) {
		this.jdbc.sql("delete from access_codes where access_code_id = :id").param("id", accessCodeId).update();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static AccessCodeRow map(ResultSet rs, int rowNum) throws SQLException {
		return new AccessCodeRow(rs.getString("access_code_id"), rs.getString("workspace_id"),
				rs.getString("device_id"), rs.getString("connected_account_id"), rs.getString("name"),
				rs.getString("code"), rs.getString("type"), rs.getString("status"), instant(rs, "starts_at"),
				instant(rs, "ends_at"), rs.getString("common_code_key"), rs.getBoolean("is_one_time_use"),
				rs.getBoolean("is_external_modification_allowed"), rs.getBoolean("is_offline_access_code"),
				instant(rs, "created_at"));
	}

}
