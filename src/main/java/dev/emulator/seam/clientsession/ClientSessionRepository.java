package dev.emulator.seam.clientsession;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every write of {@code client_sessions} goes through here (docs/ARCHITECTURE.md,
 * "Persistence"): the entity for what one session does, and a few set-based statements
 * for what happens to many sessions at once. Every query starts with the workspace,
 * except the purge, which is every workspace's by design. Reads for the routes are
 * {@link ClientSessionReads}.
 */
interface ClientSessionRepository extends JpaRepository<ClientSession, String> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ClientSession s where s.workspaceId = :workspaceId and s.id = :id")
	Optional<ClientSession> findByWorkspaceIdAndIdForUpdate(@Param("workspaceId") String workspaceId,
			@Param("id") String id);

	/**
	 * The session holding the user's key (live, or expired but not yet retired),
	 * row-locked until the transaction ends, for the routes that go on to change it. The
	 * lock is taken by the query that loads the session: a session loaded first and
	 * locked later would keep the state it was loaded with, and writing that back would
	 * undo a revoke or drop ids granted in between.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ClientSession s where s.workspaceId = :workspaceId and s.liveUserIdentifierKey = :key")
	Optional<ClientSession> findByWorkspaceIdAndLiveUserIdentifierKeyForUpdate(@Param("workspaceId") String workspaceId,
			@Param("key") String key);

	/** get_or_create by user identity, row-locked for the update that follows. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<ClientSession> findFirstByWorkspaceIdAndUserIdentityIdAndRevokedAtIsNullAndExpiresAtAfterOrderByCreatedAtDesc(
			String workspaceId, String userIdentityId, Instant now);

	/**
	 * Serialises create and get_or_create for one user of one workspace until the
	 * transaction ends, so that racing requests see each other's session instead of
	 * failing on the unique index.
	 */
	@Query(value = """
			select 1 from (select pg_advisory_xact_lock(hashtextextended(:workspaceId || chr(31) || :key, 0))) as locked
			""", nativeQuery = true)
	Integer lockUserIdentifierKey(@Param("workspaceId") String workspaceId, @Param("key") String key);

	/**
	 * Every session holding the webview gains the account it connected (BEHAVIOUR 4.8).
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			update client_sessions
			set connected_account_ids = connected_account_ids || array[cast(:accountId as text)]
			where workspace_id = :workspaceId
			  and connect_webview_ids @> array[cast(:webviewId as text)]
			  and not connected_account_ids @> array[cast(:accountId as text)]""", nativeQuery = true)
	int grantAccountToHoldersOfWebview(@Param("workspaceId") String workspaceId,
			@Param("webviewId") String connectWebviewId, @Param("accountId") String connectedAccountId);

	/** A deleted account leaves every session that held it (BEHAVIOUR 4.8). */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			update client_sessions
			set connected_account_ids = array_remove(connected_account_ids, cast(:accountId as text))
			where workspace_id = :workspaceId and connected_account_ids @> array[cast(:accountId as text)]""",
			nativeQuery = true)
	int removeAccountFromAll(@Param("workspaceId") String workspaceId, @Param("accountId") String connectedAccountId);

	/** A webview created with a session's token joins that session (BEHAVIOUR 4.8). */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = """
			update client_sessions
			set connect_webview_ids = connect_webview_ids || array[cast(:webviewId as text)]
			where workspace_id = :workspaceId and client_session_id = :sessionId
			  and not connect_webview_ids @> array[cast(:webviewId as text)]""", nativeQuery = true)
	int addWebview(@Param("workspaceId") String workspaceId, @Param("sessionId") String clientSessionId,
			@Param("webviewId") String connectWebviewId);

	/**
	 * Deletes up to {@code batch} sessions that expired or were revoked before
	 * {@code cutoff}, in any workspace. {@code SKIP LOCKED}: concurrent purges on several
	 * instances split the work instead of colliding.
	 */
	@Modifying
	@Query(value = """
			delete from client_sessions
			where client_session_id in (
			    select client_session_id from client_sessions
			    where expires_at < :cutoff or revoked_at < :cutoff
			    limit :batch
			    for update skip locked)""", nativeQuery = true)
	int purgeBatch(@Param("cutoff") Timestamp cutoff, @Param("batch") int batch);

}
