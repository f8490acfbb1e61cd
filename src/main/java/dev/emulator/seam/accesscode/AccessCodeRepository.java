package dev.emulator.seam.accesscode;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every write of {@code access_codes}; each query starts with the workspace. Reads for
 * the routes are {@link AccessCodeReads}. A code is unique on its device: the unique
 * index on {@code (device_id, code)}, not a prior read, is what refuses the second of two
 * concurrent writes of one code.
 */
interface AccessCodeRepository extends JpaRepository<AccessCode, String> {

	/**
	 * The code, its row locked until the transaction ends (updates, deletes and the
	 * completion of its attempt queue up).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from AccessCode c where c.workspaceId = :workspaceId and c.id = :id")
	Optional<AccessCode> findByWorkspaceIdAndIdForUpdate(@Param("workspaceId") String workspaceId,
			@Param("id") String id);

	boolean existsByWorkspaceIdAndDeviceIdAndCode(String workspaceId, String deviceId, String code);

}
