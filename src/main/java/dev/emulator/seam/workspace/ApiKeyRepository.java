package dev.emulator.seam.workspace;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ApiKeyRepository extends JpaRepository<ApiKey, String> {

	/**
	 * The credential lookup: unscoped by design, through the unique index on the token's
	 * hash.
	 */
	Optional<ApiKey> findByTokenHash(String tokenHash);

	List<ApiKey> findAllByWorkspaceIdOrderByCreatedAtAscIdAsc(String workspaceId);

	/**
	 * The admin lookup by id: unscoped, because the admin credential is not a
	 * workspace's. Locks the row, so that two rotations of one key (on any instances)
	 * cannot both succeed.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select k from ApiKey k where k.id = :id")
	Optional<ApiKey> findForUpdate(String id);

}
