package dev.emulator.seam.workspace;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PublishableKeyRepository extends JpaRepository<PublishableKey, String> {

	List<PublishableKey> findAllByWorkspaceIdOrderByCreatedAtAscIdAsc(String workspaceId);

	/**
	 * The admin lookup by id: unscoped, because the admin credential is not a
	 * workspace's. Locks the row, so that concurrent revokes on several instances
	 * serialise.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select k from PublishableKey k where k.id = :id")
	Optional<PublishableKey> findForUpdate(String id);

}
