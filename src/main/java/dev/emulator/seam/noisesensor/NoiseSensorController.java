package dev.emulator.seam.noisesensor;

import java.util.List;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.DELETE;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.PATCH;
import static org.springframework.web.bind.annotation.RequestMethod.POST;
import static org.springframework.web.bind.annotation.RequestMethod.PUT;

/**
 * {@code /noise_sensors/noise_thresholds/*}; methods and credentials as in Seam's
 * OpenAPI.
 */
@RestController
class NoiseSensorController {

	private final NoiseSensorService service;

	NoiseSensorController(NoiseSensorService service) {
		this.service = service;
	}

	@RequestMapping("/noise_sensors/noise_thresholds/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Many list(AuthContext auth, NoiseThresholdParams.ListParams params) {
		return new Many(this.service.list(auth, params.deviceId()), true);
	}

	@RequestMapping("/noise_sensors/noise_thresholds/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	One get(AuthContext auth, NoiseThresholdParams.GetParams params) {
		return new One(this.service.get(auth, params.noiseThresholdId()), true);
	}

	@RequestMapping("/noise_sensors/noise_thresholds/create")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	Created create(AuthContext auth, NoiseThresholdParams.Create params) {
		NoiseSensorService.Created created = this.service.create(auth, params);
		return new Created(created.actionAttempt(), created.noiseThreshold(), true);
	}

	@RequestMapping("/noise_sensors/noise_thresholds/update")
	@SeamRoute(methods = { PATCH, POST, PUT }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	Acted update(AuthContext auth, NoiseThresholdParams.Update params) {
		return new Acted(this.service.update(auth, params), true);
	}

	@RequestMapping("/noise_sensors/noise_thresholds/delete")
	@SeamRoute(methods = { DELETE, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	Acted delete(AuthContext auth, NoiseThresholdParams.Delete params) {
		return new Acted(this.service.delete(auth, params), true);
	}

	record Many(List<NoiseThresholdView> noiseThresholds, boolean ok) {
	}

	record One(NoiseThresholdView noiseThreshold, boolean ok) {
	}

	record Created(ActionAttemptView actionAttempt, NoiseThresholdView noiseThreshold, boolean ok) {
	}

	record Acted(ActionAttemptView actionAttempt, boolean ok) {
	}

}
