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

	/** The session holding the user's key: live, or expired but not yet retired. */
	Optional<ClientSession> findByWorkspaceIdAndLiveUserIdentifierKey(String workspaceId, String key);

	Optional<ClientSession> findFirstByWorkspaceIdAndUserIdentityIdAndRevokedAtIsNullAndExpiresAtAfterOrderByCreatedAtDesc(
			String workspaceId, String userIdentityId, Instant now);

}
