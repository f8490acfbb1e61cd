package dev.emulator.seam.noisesensor;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Seam's {@code noise_threshold} object; {@code noise_threshold_nrs} only when set. */
record NoiseThresholdView(String noiseThresholdId, String deviceId, String name, String startsDailyAt,
		String endsDailyAt, double noiseThresholdDecibels,
		@JsonInclude(JsonInclude.Include.NON_NULL) Double noiseThresholdNrs) {
}
