package dev.emulator.seam.clientsession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code seam.client.sessions.active} ({@code seam_client_sessions_active} in
 * Prometheus): the client sessions, of all workspaces, whose token works right now
 * (neither revoked nor expired), counted in the database, so the value is the same on
 * every instance. One count query at most every {@link #MAX_AGE}, however often the gauge
 * is read; NaN while the database does not answer.
 */
@Component
class ActiveClientSessionsGauge implements MeterBinder {

	static final String NAME = "seam.client.sessions.active";

	static final Duration MAX_AGE = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(ActiveClientSessionsGauge.class);

	private final ClientSessionReads reads;

	private final Clock clock;

	private Instant countedAt;

	private double count;

	ActiveClientSessionsGauge(ClientSessionReads reads, Clock clock) {
		this.reads = reads;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(NAME, this, ActiveClientSessionsGauge::value)
			.description("Client sessions neither revoked nor expired, all workspaces (counted at most every 5 s)")
			.strongReference(true)
			.register(registry);
	}

	synchronized double value() {
		Instant now = this.clock.instant();
		if (this.countedAt != null && now.isBefore(this.countedAt.plus(MAX_AGE))) {
			return this.count;
		}
		try {
			this.count = this.reads.countLive(now);
		}
		catch (DataAccessException ex) {
			log.warn("Could not count active client sessions: {}", ex.getMessage());
			this.count = Double.NaN;
		}
		this.countedAt = now;
		return this.count;
	}

}
