package dev.emulator.seam.noisesensor;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.emulator.seam.support.AssignedIdEntity;

/**
 * A noise threshold, as written; reads for the routes go through
 * {@link NoiseThresholdReads}.
 */
@Entity
@Table(name = "noise_thresholds")
class NoiseThreshold extends AssignedIdEntity {

	@Id
	@Column(name = "noise_threshold_id")
	private String id;

	private String workspaceId;

	private String deviceId;

	private String name;

	private String startsDailyAt;

	private String endsDailyAt;

	private double noiseThresholdDecibels;

	private Double noiseThresholdNrs;

	private Instant createdAt;

	protected NoiseThreshold() {
	}

	static NoiseThreshold create(String id, String workspaceId, String deviceId, NoiseThresholdParams.Create spec,
			Instant createdAt) {
		NoiseThreshold threshold = new NoiseThreshold();
		threshold.id = id;
		threshold.workspaceId = workspaceId;
		threshold.deviceId = deviceId;
		threshold.name = (spec.name() != null) ? spec.name() : "";
		threshold.startsDailyAt = spec.startsDailyAt();
		threshold.endsDailyAt = spec.endsDailyAt();
		threshold.noiseThresholdDecibels = decibels(spec.decibels(), spec.nrs());
		threshold.noiseThresholdNrs = spec.nrs();
		threshold.createdAt = createdAt;
		return threshold;
	}

	/**
	 * Changes what is given; a level given in NRS replaces the decibels as the fake
	 * derives them.
	 */
	void update(NoiseThresholdParams.Update changes) {
		if (changes.name() != null) {
			this.name = changes.name();
		}
		if (changes.startsDailyAt() != null) {
			this.startsDailyAt = changes.startsDailyAt();
		}
		if (changes.endsDailyAt() != null) {
			this.endsDailyAt = changes.endsDailyAt();
		}
		if (changes.decibels() != null || changes.nrs() != null) {
			this.noiseThresholdDecibels = decibels(changes.decibels(), changes.nrs());
			this.noiseThresholdNrs = changes.nrs();
		}
	}

	// A Noiseaware NRS level has no decibel equivalent Seam documents; the decibels
	// column keeps the NRS figure so the required member is present.
	private static double decibels(Double decibels, Double nrs) {
		return (decibels != null) ? decibels : nrs;
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getDeviceId() {
		return this.deviceId;
	}

}
