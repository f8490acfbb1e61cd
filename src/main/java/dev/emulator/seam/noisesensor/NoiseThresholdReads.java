package dev.emulator.seam.noisesensor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads noise thresholds; every query starts with the workspace and the device. */
@Repository
class NoiseThresholdReads {

	private final JdbcClient jdbc;

	NoiseThresholdReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<NoiseThresholdView> ofDevice(String workspaceId, String deviceId) {
		return this.jdbc.sql("""
				select * from noise_thresholds where workspace_id = :workspaceId and device_id = :deviceId
				order by created_at, noise_threshold_id""")
			.param("workspaceId", workspaceId)
			.param("deviceId", deviceId)
			.query(this::map)
			.list();
	}

	Optional<NoiseThresholdView> find(String workspaceId, String deviceId, String id) {
		return this.jdbc.sql("""
				select * from noise_thresholds
				where workspace_id = :workspaceId and device_id = :deviceId and noise_threshold_id = :id""")
			.param("workspaceId", workspaceId)
			.param("deviceId", deviceId)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** One threshold of the workspace by its id alone, whichever device it is on. */
	Optional<NoiseThresholdView> find(String workspaceId, String id) {
		return this.jdbc.sql("""
				select * from noise_thresholds where workspace_id = :workspaceId and noise_threshold_id = :id""")
			.param("workspaceId", workspaceId)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	private NoiseThresholdView map(ResultSet rs, int rowNum) throws SQLException {
		Double nrs = rs.getObject("noise_threshold_nrs", Double.class);
		return new NoiseThresholdView(rs.getString("noise_threshold_id"), rs.getString("device_id"),
				rs.getString("name"), rs.getString("starts_daily_at"), rs.getString("ends_daily_at"),
				rs.getDouble("noise_threshold_decibels"), nrs);
	}

}
