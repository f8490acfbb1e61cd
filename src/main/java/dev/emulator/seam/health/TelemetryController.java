package dev.emulator.seam.health;

import dev.emulator.seam.auth.SeamRoute;
import dev.emulator.seam.web.OkResponse;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code POST /internal/tlmtry}, where Seam Components send their usage telemetry.
 * Answered so that the components stay quiet, and dropped: the body is never read,
 * nothing is stored or logged beyond the request line.
 */
@RestController
class TelemetryController {

	@RequestMapping("/internal/tlmtry")
	@SeamRoute(methods = POST, anonymous = true)
	OkResponse telemetry() {
		return OkResponse.OK;
	}

}
