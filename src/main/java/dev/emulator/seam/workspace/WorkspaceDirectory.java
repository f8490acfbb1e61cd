package dev.emulator.seam.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.emulator.seam.auth.CredentialStore;
import dev.emulator.seam.support.Hashes;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspaces and their credentials as authentication reads them (the admin routes'
 * {@link WorkspaceProvisioning} creates and revokes them). Every credential is found by
 * its SHA-256 through a unique index, never by the secret itself, and read from the
 * database on every request: a revoke is effective at once on every instance.
 */
@Service
class WorkspaceDirectory implements CredentialStore {

	private static final String WORKSPACE_VIEW_COLUMNS = """
			select workspace_id, name, company_name, is_sandbox, is_suspended, is_publishable_key_auth_enabled,
			       connect_partner_name, organization_id,
			       connect_webview_customization::text as connect_webview_customization,
			       (select p.publishable_key from publishable_keys p
			        where p.workspace_id = workspaces.workspace_id and p.revoked_at is null
			        order by p.created_at desc, p.publishable_key_id desc limit 1) as publishable_key
			from workspaces
			""";

	/** {@code seam_at<version>_<short>_<long>}; the long part has no {@code _}. */
	private static final Pattern ACCESS_TOKEN = Pattern.compile("seam_at[0-9]*_(.+)_([^_]+)");

	private final WorkspaceRepository workspaces;

	private final JdbcClient jdbc;

	WorkspaceDirectory(WorkspaceRepository workspaces, JdbcClient jdbc) {
		this.workspaces = workspaces;
		this.jdbc = jdbc;
	}

	/**
	 * The API key with this token, live or revoked; empty when unknown. Like every
	 * credential lookup here, one statement through the hash's unique index, outside any
	 * transaction: a transaction would only add the round trips of BEGIN and COMMIT to
	 * every authenticated request.
	 */
	@Override
	public Optional<ApiKeyIdentity> findApiKey(String token) {
		return findLiveCredential("""
				select api_key_id, workspace_id, revoked_at is not null as revoked from api_keys
				where token_hash = :hash""", token, (rs, rowNum) -> new ApiKeyIdentity(rs.getString("workspace_id"),
				rs.getString("api_key_id"), rs.getBoolean("revoked")));
	}

	/**
	 * The owner of a live personal access token, found by the SHA-256 of the token's long
	 * part (after the last {@code _}); empty when unknown or revoked.
	 */
	@Override
	public Optional<AccessTokenOwner> findAccessTokenOwner(String token) {
		Matcher parts = ACCESS_TOKEN.matcher(token);
		if (!parts.matches()) {
			return Optional.empty();
		}
		// Found by the long part's hash; the short part must be the one stored with it,
		// so the token is checked whole.
		return findLiveCredential("""
				select access_token_id, user_id, short_token from personal_access_tokens
				where long_token_hash = :hash and revoked_at is null""", parts.group(2),
				(rs, rowNum) -> new AccessTokenRow(
						new AccessTokenOwner(rs.getString("access_token_id"), rs.getString("user_id")),
						rs.getString("short_token")))
			.filter((row) -> row.shortToken().equals(parts.group(1)))
			.map(AccessTokenRow::owner);
	}

	@Override
	public Optional<String> findUserSession(String userId, String key) {
		return this.jdbc.sql("""
				select user_session_id from user_sessions
				where user_id = :userId and key_hash = :hash and revoked_at is null""")
			.param("userId", userId)
			.param("hash", Hashes.sha256Hex(key))
			.query(String.class)
			.optional();
	}

	private record AccessTokenRow(AccessTokenOwner owner, String shortToken) {
	}

	/**
	 * The one row that {@code sql} finds by {@code :hash}, the SHA-256 of {@code secret}.
	 * The database compares digests, never secrets, so the comparison leaks nothing about
	 * a secret's value.
	 */
	private <T> Optional<T> findLiveCredential(String sql, String secret, RowMapper<T> mapper) {
		return this.jdbc.sql(sql).param("hash", Hashes.sha256Hex(secret)).query(mapper).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean workspaceExists(String workspaceId) {
		return this.workspaces.existsById(workspaceId);
	}

	@Override
	public boolean isMember(String userId, String workspaceId) {
		return this.jdbc
			.sql("select count(*) from user_workspaces where user_id = :userId and workspace_id = :workspaceId")
			.param("userId", userId)
			.param("workspaceId", workspaceId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The public view of a workspace; empty when there is none with this id. */
	@Transactional(readOnly = true)
	Optional<WorkspaceView> findView(String workspaceId) {
		return this.jdbc.sql(WORKSPACE_VIEW_COLUMNS + "where workspace_id = :workspaceId")
			.param("workspaceId", workspaceId)
			.query(WorkspaceDirectory::mapView)
			.optional();
	}

	/**
	 * Every workspace, oldest first: for the admin routes, which are not any workspace's.
	 */
	@Transactional(readOnly = true)
	List<WorkspaceView> findAllViews() {
		return this.jdbc.sql(WORKSPACE_VIEW_COLUMNS + "order by created_at, workspace_id")
			.query(WorkspaceDirectory::mapView)
			.list();
	}

	/** The workspaces a user is a member of, oldest first. */
	@Transactional(readOnly = true)
	List<WorkspaceView> findViewsOfUser(String userId) {
		return this.jdbc.sql(WORKSPACE_VIEW_COLUMNS + """
				where workspace_id in (select workspace_id from user_workspaces where user_id = :userId)
				order by created_at, workspace_id""").param("userId", userId).query(WorkspaceDirectory::mapView).list();
	}

	private static WorkspaceView mapView(ResultSet rs, int rowNum) throws SQLException {
		return new WorkspaceView(rs.getString("workspace_id"), rs.getString("name"), rs.getString("company_name"),
				rs.getBoolean("is_sandbox"), rs.getBoolean("is_suspended"),
				rs.getBoolean("is_publishable_key_auth_enabled"), rs.getString("connect_partner_name"),
				rs.getString("organization_id"), rs.getString("connect_webview_customization"),
				rs.getString("publishable_key"));
	}

}
