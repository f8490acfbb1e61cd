package dev.emulator.seam.clientsession;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.emulator.seam.support.Hashes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The narrow port authentication uses to find a client session by its token: the one unscoped lookup of sessions,
 * through the unique index on the token's SHA-256.
 */
@Component
public class ClientSessionDirectory {

	private final JdbcClient jdbc;

	ClientSessionDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The session whose token this is, read from the database on every call (nothing is cached, so a revoke or a
	 * delete is seen by the very next request). One statement outside any transaction: every request with a client
	 * session token runs it, and a transaction would only add the round trips of BEGIN and COMMIT.
	 */
	public Optional<ClientSessionCredential> findByToken(String token) {
		return this.jdbc.sql("""
				select client_session_id, workspace_id, user_identifier_key, connected_account_ids, connect_webview_ids,
				       user_identity_id, expires_at, revoked_at, token_hash
				from client_sessions where token_hash = :hash""")
			.param("hash", Hashes.sha256Hex(token))
			.query(ClientSessionDirectory::map)
			.optional()
			.filter((row) -> Hashes.matches(token, row.tokenHash()))
			.map(Row::credential);
	}

	private static Row map(ResultSet rs, int rowNum) throws SQLException {
		return new Row(new ClientSessionCredential(rs.getString("client_session_id"), rs.getString("workspace_id"),
				rs.getString("user_identifier_key"), ClientSessionReads.textArray(rs, "connected_account_ids"),
				ClientSessionReads.textArray(rs, "connect_webview_ids"), rs.getString("user_identity_id"),
				instant(rs, "expires_at"), instant(rs, "revoked_at")), rs.getString("token_hash"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private record Row(ClientSessionCredential credential, String tokenHash) {
	}

	public record ClientSessionCredential(String clientSessionId, String workspaceId, String userIdentifierKey,
			List<String> connectedAccountIds, List<String> connectWebviewIds, String userIdentityId,
			Instant expiresAt, Instant revokedAt) {
	}

}
