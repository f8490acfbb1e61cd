package dev.emulator.seam.clientsession;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every query starts with the workspace: a session of another workspace is never found. */
interface ClientSessionRepository extends JpaRepository<ClientSession, String> {

	Optional<ClientSession> findByWorkspaceIdAndId(String workspaceId, String id);

	/** The credential lookup: unscoped by design (the token names its workspace), by the token's SHA-256. */
	Optional<ClientSession> findByTokenHash(String tokenHash);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ClientSession s where s.workspaceId = :workspaceId and s.id = :id")
	Optional<ClientSession> findByWorkspaceIdAndIdForUpdate(@Param("workspaceId") String workspaceId,
			@Param("id") String id);

	/** The session holding the user's key: live, or expired but not yet retired. */
	Optional<ClientSession> findByWorkspaceIdAndLiveUserIdentifierKey(String workspaceId, String key);

	/**
	 * The same, row-locked until the transaction ends, for the routes that go on to change it. The lock is taken by
	 * the query that loads the session: a session loaded first and locked later would keep the state it was loaded
	 * with, and writing that back would undo a revoke or drop ids granted in between.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ClientSession s where s.workspaceId = :workspaceId and s.liveUserIdentifierKey = :key")
	Optional<ClientSession> findByWorkspaceIdAndLiveUserIdentifierKeyForUpdate(
			@Param("workspaceId") String workspaceId, @Param("key") String key);

	Optional<ClientSession> findFirstByWorkspaceIdAndUserIdentifierKeyOrderByCreatedAtDescIdDesc(String workspaceId,
			String key);

	/** get_or_create by user identity, row-locked for the update that follows. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<ClientSession> findFirstByWorkspaceIdAndUserIdentityIdAndRevokedAtIsNullAndExpiresAtAfterOrderByCreatedAtDesc(
			String workspaceId, String userIdentityId, Instant now);

	/**
	 * Serialises create and get_or_create for one user of one workspace until the transaction ends, so that racing
	 * requests see each other's session instead of failing on the unique index.
	 */
	@Query(nativeQuery = true, value = """
			select 1 from (select pg_advisory_xact_lock(hashtextextended(:workspaceId || chr(31) || :key, 0))) as locked
			""")
	Integer lockUserIdentifierKey(@Param("workspaceId") String workspaceId, @Param("key") String key);

	/** /client_sessions/list: every filter is optional and they combine with AND (CONTRACT 3.4). */
	@Query(nativeQuery = true, value = """
			select * from client_sessions
			where workspace_id = :workspaceId
			  and (cast(:id as text) is null or client_session_id = cast(:id as text))
			  and (cast(:key as text) is null or user_identifier_key = cast(:key as text))
			  and (cast(:webviewId as text) is null or connect_webview_ids @> array[cast(:webviewId as text)])
			  and (cast(:userIdentityId as text) is null or user_identity_id = cast(:userIdentityId as text))
			  and (not :withoutKey or user_identifier_key is null)
			order by created_at, client_session_id
			""")
	List<ClientSession> search(@Param("workspaceId") String workspaceId, @Param("id") String id,
			@Param("key") String key, @Param("webviewId") String webviewId,
			@Param("userIdentityId") String userIdentityId, @Param("withoutKey") boolean withoutKey);

}
