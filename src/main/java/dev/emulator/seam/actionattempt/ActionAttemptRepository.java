package dev.emulator.seam.actionattempt;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

/**
 * Every write of {@code action_attempts}, and the claim of due attempts; reads for the
 * routes are {@link ActionAttemptReads}.
 * <p>
 * A due attempt is claimed by locking its row while it is still {@code pending}: a row
 * another transaction is completing is waited for when named by id, and PostgreSQL then
 * checks it again, finds it no longer pending and leaves it out, so an attempt is never
 * carried out twice.
 */
interface ActionAttemptRepository extends JpaRepository<ActionAttempt, String> {

	/** The due pending attempts among {@code ids} of the workspace, locked. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("""
			select a from ActionAttempt a
			where a.status = 'pending' and a.completesAt <= :now
			  and a.workspaceId = :workspaceId and a.id in :ids
			order by a.completesAt, a.id""")
	List<ActionAttempt> findDueForUpdate(@Param("workspaceId") String workspaceId, @Param("ids") Collection<String> ids,
			@Param("now") Instant now);

	/** The workspace's attempt with this id, locked, whatever its state. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from ActionAttempt a where a.workspaceId = :workspaceId and a.id = :id")
	Optional<ActionAttempt> findByWorkspaceIdAndIdForUpdate(@Param("workspaceId") String workspaceId,
			@Param("id") String id);

	/**
	 * Due pending attempts of any workspace (the poller's), locked, skipping those
	 * another transaction holds: the poller of each instance takes different ones.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	// -2: skip locked rows (Hibernate's value for jakarta.persistence.lock.timeout).
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("""
			select a from ActionAttempt a
			where a.status = 'pending' and a.completesAt <= :now
			order by a.completesAt, a.id""")
	List<ActionAttempt> findDueSkipLocked(@Param("now") Instant now, Limit limit);

}
