package dev.emulator.seam.clientsession;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements of a create, in plain SQL inside the caller's transaction (the JPA transaction manager hands the
 * same connection to {@link JdbcClient}): the per-user lock and the insert. Through Hibernate, a native lock query
 * and a persist-and-flush cost far more CPU than the statements themselves (see BENCHMARKS.md).
 */
@Component
class ClientSessionInserts {

	private final JdbcClient jdbc;

	ClientSessionInserts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serialises create and get_or_create for one user of one workspace until the transaction ends, so that racing
	 * requests see each other's session instead of failing on the unique index.
	 */
	void lockUserIdentifierKey(String workspaceId, String key) {
		this.jdbc.sql("""
				select 1 from (select pg_advisory_xact_lock(hashtextextended(:workspaceId || chr(31) || :key, 0))) as locked
				""")
			.param("workspaceId", workspaceId)
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	/** Inserts a session made by {@link ClientSession#create}; a taken live key fails on the unique index. */
	void insert(ClientSession session) {
		this.jdbc.sql("""
				insert into client_sessions (client_session_id, workspace_id, token_ciphertext, token_hash,
				                             user_identifier_key, live_user_identifier_key, connected_account_ids,
				                             connect_webview_ids, user_identity_id, customer_key, customer_id,
				                             created_via, api_key_id, created_at, expires_at, revoked_at)
				values (:id, :workspaceId, :tokenCiphertext, :tokenHash, :userIdentifierKey, :liveUserIdentifierKey,
				        :connectedAccountIds, :connectWebviewIds, :userIdentityId, :customerKey, :customerId,
				        :createdVia, :apiKeyId, :createdAt, :expiresAt, :revokedAt)""")
			.param("id", session.getId())
			.param("workspaceId", session.getWorkspaceId())
			.param("tokenCiphertext", session.getTokenCiphertext())
			.param("tokenHash", session.getTokenHash())
			.param("userIdentifierKey", session.getUserIdentifierKey())
			.param("liveUserIdentifierKey", session.getLiveUserIdentifierKey())
			.param("connectedAccountIds", session.getConnectedAccountIds().toArray(String[]::new))
			.param("connectWebviewIds", session.getConnectWebviewIds().toArray(String[]::new))
			.param("userIdentityId", session.getUserIdentityId())
			.param("customerKey", session.getCustomerKey())
			.param("customerId", session.getCustomerId())
			.param("createdVia", session.getCreatedVia())
			.param("apiKeyId", session.getApiKeyId())
			.param("createdAt", utc(session.getCreatedAt()))
			.param("expiresAt", utc(session.getExpiresAt()))
			.param("revokedAt", utc(session.getRevokedAt()))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

}
