package dev.emulator.seam.device;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every write of {@code devices}; each query starts with the workspace. Reads for the
 * routes are {@link DeviceReads}.
 */
interface DeviceRepository extends JpaRepository<Device, String> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select d from Device d where d.workspaceId = :workspaceId and d.id = :id")
	Optional<Device> findByWorkspaceIdAndIdForUpdate(@Param("workspaceId") String workspaceId, @Param("id") String id);

}
