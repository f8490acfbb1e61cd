package dev.emulator.seam.useridentity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.emulator.seam.support.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of user identities: one row-to-view mapping. Every query starts with the
 * workspace, so another workspace's identity is never found, and names only the filters
 * given. Writes go through {@link UserIdentityRepository}.
 */
@Repository
class UserIdentityReads {

	private static final String SELECT = """
			select * from user_identities
			where workspace_id = :workspaceId
			""";

	private final JdbcClient jdbc;

	UserIdentityReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The oldest identity with this id and this key, either of which may be null (not
	 * given).
	 */
	Optional<UserIdentityView> find(String workspaceId, String id, String key) {
		StringBuilder sql = new StringBuilder(SELECT);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (id != null) {
			sql.append("and user_identity_id = :id\n");
			params.put("id", id);
		}
		if (key != null) {
			sql.append("and user_identity_key = :key\n");
			params.put("key", key);
		}
		sql.append("order by created_at, user_identity_id\nlimit 1");
		return this.jdbc.sql(sql.toString()).params(params).query(UserIdentityReads::map).optional();
	}

	/**
	 * One page of /user_identities/list, oldest first, {@code limit + 1} rows after the
	 * cursor position.
	 * @param onlyId when not null, the one identity the caller may see (a client
	 * session's)
	 */
	List<UserIdentityView> search(String workspaceId, String onlyId, UserIdentityParams.ListFilter filter) {
		StringBuilder sql = new StringBuilder(SELECT);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (onlyId != null) {
			sql.append("and user_identity_id = :onlyId\n");
			params.put("onlyId", onlyId);
		}
		if (filter.userIdentityIds() != null) {
			sql.append("and user_identity_id = any(:ids)\n");
			params.put("ids", filter.userIdentityIds().toArray(String[]::new));
		}
		if (filter.search() != null) {
			sql.append("""
					and (user_identity_id ilike :pattern or user_identity_key ilike :pattern
					     or email_address ilike :pattern or phone_number ilike :pattern
					     or full_name ilike :pattern or display_name ilike :pattern)
					""");
			params.put("pattern", Sql.containsPattern(filter.search()));
		}
		if (filter.createdBefore() != null) {
			sql.append("and created_at < :createdBefore\n");
			params.put("createdBefore", Timestamp.from(filter.createdBefore()));
		}
		if (filter.page().afterCreatedAt() != null) {
			sql.append("and (created_at, user_identity_id) > (:afterCreatedAt, :afterId)\n");
			params.put("afterCreatedAt", Timestamp.from(filter.page().afterCreatedAt()));
			params.put("afterId", filter.page().afterId());
		}
		sql.append("order by created_at, user_identity_id\nlimit :limit");
		params.put("limit", filter.page().limit() + 1);
		return this.jdbc.sql(sql.toString()).params(params).query(UserIdentityReads::map).list();
	}

	private static UserIdentityView map(ResultSet rs, int rowNum) throws SQLException {
		return UserIdentityView.of(rs.getString("user_identity_id"), rs.getString("user_identity_key"),
				rs.getString("email_address"), rs.getString("phone_number"), rs.getString("display_name"),
				rs.getString("full_name"), rs.getTimestamp("created_at").toInstant(), rs.getString("workspace_id"));
	}

}
