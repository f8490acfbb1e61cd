package dev.emulator.seam.noisesensor;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every write of {@code noise_thresholds}; reads for the routes are
 * {@link NoiseThresholdReads}.
 */
interface NoiseThresholdRepository extends JpaRepository<NoiseThreshold, String> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from NoiseThreshold t where t.workspaceId = :workspaceId and t.deviceId = :deviceId and t.id = :id")
	Optional<NoiseThreshold> findForUpdate(@Param("workspaceId") String workspaceId, @Param("deviceId") String deviceId,
			@Param("id") String id);

}
