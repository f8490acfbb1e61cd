package dev.emulator.seam.clientsession;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.emulator.seam.auth.ClientSessionState;
import dev.emulator.seam.support.SqlArrays;
import dev.emulator.seam.support.TokenCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side of client sessions (get and list): each read is one SQL statement,
 * outside any transaction, that returns the sessions together with their
 * {@code device_count} (BEHAVIOUR 3.3), so that a read costs one round trip to the
 * database. Every statement starts with the workspace and is answered from an index of
 * {@code client_sessions} (see bench/sql/explain.sql); only list without any filter reads
 * the whole workspace, as Seam's list has no pagination (BEHAVIOUR 3.10).
 */
@Component
class ClientSessionReads {

	// device_count: the distinct managed devices of the workspace on the session's
	// accounts, through the partial index devices_workspace_account_idx.
	private static final String COLUMNS = """
			s.client_session_id, s.workspace_id, s.token_ciphertext, s.user_identifier_key,
			       s.connected_account_ids, s.connect_webview_ids, s.user_identity_id, s.customer_key, s.created_at,
			       s.expires_at, s.revoked_at, s.token_hash,
			       (select count(*) from devices d
			        where d.workspace_id = s.workspace_id and d.is_managed
			          and d.connected_account_id = any(s.connected_account_ids)) as device_count
			""";

	private static final String SELECT = "select " + COLUMNS + "from client_sessions s\n";

	/**
	 * A live publishable key (by its SHA-256, through the unique index), its workspace,
	 * and the session holding the user's live key there, if any: the whole of what a
	 * publishable key's {@code get_or_create} reads, in one round trip. The workspace
	 * comes from the key, so the session can only be one of the key's workspace.
	 */
	private static final String PUBLISHABLE_KEY_WITH_USER_SESSION = """
			select p.workspace_id as key_workspace_id, w.is_publishable_key_auth_enabled,
			       """ + COLUMNS + """
			from publishable_keys p
			join workspaces w on w.workspace_id = p.workspace_id
			left join client_sessions s on s.workspace_id = p.workspace_id and s.live_user_identifier_key = :key
			where p.publishable_key_hash = :hash and p.revoked_at is null
			""";

	/**
	 * A live session in SQL: the twin of {@link ClientSessionState}, which is the rule;
	 * the two change together.
	 */
	static final String LIVE = "revoked_at is null and expires_at > :now";

	private final JdbcClient jdbc;

	private final TokenCipher tokenCipher;

	ClientSessionReads(JdbcClient jdbc, TokenCipher tokenCipher) {
		this.jdbc = jdbc;
		this.tokenCipher = tokenCipher;
	}

	/**
	 * The session whose token has this SHA-256, in any state: the credential lookup,
	 * unscoped by design.
	 */
	Optional<Row> byTokenHash(String tokenHash) {
		return this.jdbc.sql(SELECT + "where s.token_hash = :hash")
			.param("hash", tokenHash)
			.query(this::map)
			.optional();
	}

	/** The session with this id in this workspace, in any state. */
	Optional<Row> byId(String workspaceId, String id) {
		return this.jdbc.sql(SELECT + "where s.workspace_id = :workspaceId and s.client_session_id = :id")
			.param("workspaceId", workspaceId)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * The user's live session at {@code now}: the session holding the user's live key
	 * (unique index), unless it has expired and is not yet retired.
	 */
	Optional<Row> liveSessionOfUser(String workspaceId, String key, Instant now) {
		return this.jdbc.sql(SELECT + "where s.workspace_id = :workspaceId and s.live_user_identifier_key = :key")
			.param("workspaceId", workspaceId)
			.param("key", key)
			.query(this::map)
			.optional()
			.filter((session) -> session.isLive(now));
	}

	/**
	 * The workspace of the live publishable key with this SHA-256 and, in the same
	 * statement, the session holding the user's live key there (in any state: the caller
	 * checks it is still live when it uses it). Empty when the key is unknown or revoked.
	 */
	Optional<PublishableKeyRead> byPublishableKeyHash(String publishableKeyHash, String userIdentifierKey) {
		return this.jdbc.sql(PUBLISHABLE_KEY_WITH_USER_SESSION)
			.param("hash", publishableKeyHash)
			.param("key", userIdentifierKey)
			.query((rs, rowNum) -> new PublishableKeyRead(rs.getString("key_workspace_id"),
					rs.getBoolean("is_publishable_key_auth_enabled"),
					(rs.getString("client_session_id") != null) ? Optional.of(map(rs, rowNum)) : Optional.empty()))
			.optional();
	}

	/** The user's newest session in any state. */
	Optional<Row> newestOfUser(String workspaceId, String key) {
		return this.jdbc.sql(SELECT + """
				where s.workspace_id = :workspaceId and s.user_identifier_key = :key
				order by s.created_at desc, s.client_session_id desc
				limit 1""").param("workspaceId", workspaceId).param("key", key).query(this::map).optional();
	}

	/**
	 * The workspace's sessions matching every given filter, oldest first. Only the given
	 * filters are in the SQL, so that each combination gets a plan on its own index, also
	 * when the driver prepares the statement and PostgreSQL switches to a generic plan (a
	 * catch-all {@code (:x is null or column = :x)} would read the whole workspace).
	 */
	List<Row> search(String workspaceId, ClientSessionParams.ListFilter filter) {
		StringBuilder sql = new StringBuilder(SELECT).append("where s.workspace_id = :workspaceId\n");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (filter.clientSessionId() != null) {
			sql.append("and s.client_session_id = :id\n");
			params.put("id", filter.clientSessionId());
		}
		if (filter.userIdentifierKey() != null) {
			sql.append("and s.user_identifier_key = :key\n");
			params.put("key", filter.userIdentifierKey());
		}
		if (filter.connectWebviewId() != null) {
			sql.append("and s.connect_webview_ids @> array[cast(:webviewId as text)]\n");
			params.put("webviewId", filter.connectWebviewId());
		}
		if (filter.userIdentityId() != null) {
			sql.append("and s.user_identity_id = :userIdentityId\n");
			params.put("userIdentityId", filter.userIdentityId());
		}
		if (filter.withoutUserIdentifierKey()) {
			sql.append("and s.user_identifier_key is null\n");
		}
		sql.append("order by s.created_at, s.client_session_id");
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	/** The live sessions of every workspace (for the metrics gauge). */
	long countLive(Instant now) {
		return this.jdbc.sql("select count(*) from client_sessions where " + LIVE)
			.param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private Row map(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getString("client_session_id"), rs.getString("workspace_id"),
				rs.getString("token_ciphertext"), rs.getString("user_identifier_key"),
				SqlArrays.strings(rs, "connected_account_ids"), SqlArrays.strings(rs, "connect_webview_ids"),
				rs.getString("user_identity_id"), rs.getString("customer_key"), instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "revoked_at"), rs.getString("token_hash"),
				rs.getLong("device_count"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A publishable key's workspace, and the session that held the user's live key in it
	 * when the key was read.
	 */
	record PublishableKeyRead(String workspaceId, boolean publishableKeyAuthEnabled, Optional<Row> userSession) {
	}

	/** A session as read, with its device_count. */
	record Row(String id, String workspaceId, String tokenCiphertext, String userIdentifierKey,
			List<String> connectedAccountIds, List<String> connectWebviewIds, String userIdentityId, String customerKey,
			Instant createdAt, Instant expiresAt, Instant revokedAt, String tokenHash, long deviceCount) {

		boolean isLive(Instant now) {
			return ClientSessionState.isLive(this.revokedAt, this.expiresAt, now);
		}

		ClientSessionView view(TokenCipher cipher) {
			String identity = this.userIdentityId;
			return new ClientSessionView(this.id, this.workspaceId, this.createdAt, this.expiresAt,
					cipher.decrypt(this.tokenCiphertext, this.id), this.userIdentifierKey, this.deviceCount,
					this.connectedAccountIds, this.connectWebviewIds,
					(identity != null) ? List.of(identity) : List.of(), identity, this.customerKey);
		}

	}

}
