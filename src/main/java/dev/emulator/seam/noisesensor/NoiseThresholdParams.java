package dev.emulator.seam.noisesensor;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/** The parameters of the noise threshold routes. */
final class NoiseThresholdParams {

	private NoiseThresholdParams() {
	}

	record ListParams(String deviceId) implements RouteParams {

		static ListParams from(SeamParams params) {
			return new ListParams(params.requiredString("device_id"));
		}

	}

	record GetParams(String noiseThresholdId) implements RouteParams {

		static GetParams from(SeamParams params) {
			return new GetParams(params.requiredString("noise_threshold_id"));
		}

	}

	/**
	 * The level is given in decibels or in NRS, exactly one of them (the fake's rule and
	 * wording).
	 */
	record Create(String deviceId, String name, String startsDailyAt, String endsDailyAt, Double decibels, Double nrs,
			boolean sync) implements RouteParams {

		static Create from(SeamParams params) {
			String deviceId = params.requiredString("device_id");
			String name = params.string("name");
			String starts = params.requiredString("starts_daily_at");
			String ends = params.requiredString("ends_daily_at");
			Double decibels = params.number("noise_threshold_decibels");
			Double nrs = params.number("noise_threshold_nrs");
			if (decibels == null && nrs == null && !params.isPresent("noise_threshold_decibels")
					&& !params.isPresent("noise_threshold_nrs")) {
				params.addFormError("Must provide either noise_threshold_decibels or noise_threshold_nrs");
			}
			if (decibels != null && nrs != null) {
				params.addFormError("Cannot provide both noise_threshold_decibels and noise_threshold_nrs");
			}
			return new Create(deviceId, name, starts, ends, decibels, nrs, Boolean.TRUE.equals(params.bool("sync")));
		}

	}

	record Update(String deviceId, String noiseThresholdId, String name, String startsDailyAt, String endsDailyAt,
			Double decibels, Double nrs, boolean sync) implements RouteParams {

		static Update from(SeamParams params) {
			String deviceId = params.requiredString("device_id");
			String id = params.requiredString("noise_threshold_id");
			String name = params.string("name");
			String starts = params.nonEmptyString("starts_daily_at");
			String ends = params.nonEmptyString("ends_daily_at");
			Double decibels = params.number("noise_threshold_decibels");
			Double nrs = params.number("noise_threshold_nrs");
			if (decibels != null && nrs != null) {
				params.addFormError("Cannot provide both noise_threshold_decibels and noise_threshold_nrs");
			}
			return new Update(deviceId, id, name, starts, ends, decibels, nrs,
					Boolean.TRUE.equals(params.bool("sync")));
		}

	}

	record Delete(String deviceId, String noiseThresholdId, boolean sync) implements RouteParams {

		static Delete from(SeamParams params) {
			return new Delete(params.requiredString("device_id"), params.requiredString("noise_threshold_id"),
					Boolean.TRUE.equals(params.bool("sync")));
		}

	}

}
