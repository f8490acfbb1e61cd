package dev.emulator.seam.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;

/**
 * BEHAVIOUR 8.1: 200 {@code {"ok": true, "status": "up"}} when the server is ready and
 * the database answers, 503 otherwise. No credential.
 */
@RestController
class HealthController {

	private static final Logger log = LoggerFactory.getLogger(HealthController.class);

	private final JdbcClient jdbc;

	private final ApplicationAvailability availability;

	HealthController(JdbcClient jdbc, ApplicationAvailability availability) {
		this.jdbc = jdbc;
		this.availability = availability;
	}

	@RequestMapping("/health")
	@SeamRoute(methods = GET, anonymous = true)
	Health health() {
		// The port opens before the last of start-up (the repositories, made once the
		// context is refreshed) and stays open while a graceful shutdown drains.
		if (this.availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorTypes.SERVICE_UNAVAILABLE,
					"The server is starting or stopping");
		}
		try {
			this.jdbc.sql("select 1").query(Integer.class).single();
		}
		catch (DataAccessException ex) {
			log.warn("Health check: database unreachable: {}", ex.getMessage());
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorTypes.SERVICE_UNAVAILABLE,
					"The database is unreachable");
		}
		return new Health(true, "up");
	}

	record Health(boolean ok, String status) {
	}

}
