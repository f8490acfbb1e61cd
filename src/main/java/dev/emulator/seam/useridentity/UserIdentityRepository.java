package dev.emulator.seam.useridentity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * User identities; every query starts with the workspace, so another workspace's identity
 * is never found.
 */
@Repository
class UserIdentityRepository {

	private final JdbcClient jdbc;

	UserIdentityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts unless the workspace already has an identity with that key; returns whether
	 * it did. The unique index on {@code (workspace_id, user_identity_key)} decides, so
	 * two racing creates cannot both win.
	 */
	boolean insertIfKeyFree(String workspaceId, String id, UserIdentityParams.Create params, Instant now) {
		return this.jdbc.sql("""
				insert into user_identities (user_identity_id, workspace_id, user_identity_key, email_address,
				                             phone_number, full_name, display_name, created_at)
				values (:id, :workspaceId, :key, :email, :phone, :fullName, :displayName, :createdAt)
				on conflict (workspace_id, user_identity_key) do nothing
				""")
			.param("id", id)
			.param("workspaceId", workspaceId)
			.param("key", params.userIdentityKey())
			.param("email", params.emailAddress())
			.param("phone", params.phoneNumber())
			.param("fullName", params.fullName())
			.param("displayName", params.displayName())
			.param("createdAt", Timestamp.from(now))
			.update() == 1;
	}

	Optional<UserIdentityView> find(String workspaceId, String id, String key) {
		return this.jdbc.sql("""
				select * from user_identities
				where workspace_id = :workspaceId
				  and (cast(:id as text) is null or user_identity_id = cast(:id as text))
				  and (cast(:key as text) is null or user_identity_key = cast(:key as text))
				order by created_at, user_identity_id
				limit 1
				""")
			.param("workspaceId", workspaceId)
			.param("id", id)
			.param("key", key)
			.query(UserIdentityRepository::map)
			.optional();
	}

	/**
	 * One page of /user_identities/list, oldest first, {@code limit + 1} rows after the
	 * cursor position.
	 * @param onlyId when not null, the one identity the caller may see (a client
	 * session's)
	 * @param nothing when true the caller may see no identity at all
	 */
	List<UserIdentityView> search(String workspaceId, String onlyId, boolean nothing,
			UserIdentityParams.ListFilter filter) {
		String[] ids = (filter.userIdentityIds() != null) ? filter.userIdentityIds().toArray(String[]::new) : null;
		String pattern = (filter.search() != null) ? "%" + escapeLike(filter.search()) + "%" : null;
		Timestamp createdBefore = (filter.createdBefore() != null) ? Timestamp.from(filter.createdBefore()) : null;
		Timestamp afterCreatedAt = (filter.page().afterCreatedAt() != null)
				? Timestamp.from(filter.page().afterCreatedAt()) : null;
		return this.jdbc.sql("""
				select * from user_identities
				where workspace_id = :workspaceId
				  and not :nothing
				  and (cast(:onlyId as text) is null or user_identity_id = cast(:onlyId as text))
				  and (cast(:ids as text[]) is null or user_identity_id = any(cast(:ids as text[])))
				  and (cast(:pattern as text) is null
				       or user_identity_id ilike cast(:pattern as text)
				       or user_identity_key ilike cast(:pattern as text)
				       or email_address ilike cast(:pattern as text)
				       or phone_number ilike cast(:pattern as text)
				       or full_name ilike cast(:pattern as text)
				       or display_name ilike cast(:pattern as text))
				  and (cast(:createdBefore as timestamptz) is null or created_at < cast(:createdBefore as timestamptz))
				  and (cast(:afterCreatedAt as timestamptz) is null
				       or (created_at, user_identity_id)
				          > (cast(:afterCreatedAt as timestamptz), cast(:afterId as text)))
				  -- This server has no credential managers: filtering by one finds no identity.
				  and (cast(:acsSystemId as text) is null)
				order by created_at, user_identity_id
				limit :limit
				""")
			.param("workspaceId", workspaceId)
			.param("nothing", nothing)
			.param("onlyId", onlyId)
			.param("ids", ids)
			.param("pattern", pattern)
			.param("createdBefore", createdBefore)
			.param("afterCreatedAt", afterCreatedAt)
			.param("afterId", filter.page().afterId())
			.param("acsSystemId", filter.credentialManagerAcsSystemId())
			.param("limit", filter.page().limit() + 1)
			.query(UserIdentityRepository::map)
			.list();
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static UserIdentityView map(ResultSet rs, int rowNum) throws SQLException {
		return UserIdentityView.of(rs.getString("user_identity_id"), rs.getString("user_identity_key"),
				rs.getString("email_address"), rs.getString("phone_number"), rs.getString("display_name"),
				rs.getString("full_name"), rs.getTimestamp("created_at").toInstant(), rs.getString("workspace_id"));
	}

}
