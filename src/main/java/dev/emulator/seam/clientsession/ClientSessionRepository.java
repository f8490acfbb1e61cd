package dev.emulator.seam.clientsession;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every query starts with the workspace: a session of another workspace is never found. */
interface ClientSessionRepository extends JpaRepository<ClientSession, String> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ClientSession s where s.workspaceId = :workspaceId and s.id = :id")
	Optional<ClientSession> findByWorkspaceIdAndIdForUpdate(@Param("workspaceId") String workspaceId,
			@Param("id") String id);

	/**
	 * The session holding the user's key (live, or expired but not yet retired), row-locked until the transaction
	 * ends, for the routes that go on to change it. The lock is taken by the query that loads the session: a session
	 * loaded first and locked later would keep the state it was loaded with, and writing that back would undo a revoke
	 * or drop ids granted in between.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ClientSession s where s.workspaceId = :workspaceId and s.liveUserIdentifierKey = :key")
	Optional<ClientSession> findByWorkspaceIdAndLiveUserIdentifierKeyForUpdate(
			@Param("workspaceId") String workspaceId, @Param("key") String key);

	/** get_or_create by user identity, row-locked for the update that follows. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<ClientSession> findFirstByWorkspaceIdAndUserIdentityIdAndRevokedAtIsNullAndExpiresAtAfterOrderByCreatedAtDesc(
			String workspaceId, String userIdentityId, Instant now);

}
