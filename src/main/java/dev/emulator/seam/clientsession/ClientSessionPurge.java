package dev.emulator.seam.clientsession;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.support.EmulatorProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes sessions that expired or were revoked longer ago than the retention
 * ({@code emulator.purge.*}), so the table does not grow without bound. This is
 * housekeeping across all workspaces, not a tenant query, and not a user's delete: it
 * emits no {@code client_session.deleted} event. Safe on several instances at once: each
 * batch locks the rows it takes with {@code FOR UPDATE SKIP LOCKED}, so concurrent runs
 * split the work instead of colliding.
 */
@Component
class ClientSessionPurge {

	private static final Logger log = LoggerFactory.getLogger(ClientSessionPurge.class);

	private final ClientSessionRepository sessions;

	private final TransactionTemplate transaction;

	private final EmulatorProperties.Purge settings;

	private final Clock clock;

	ClientSessionPurge(ClientSessionRepository sessions, TransactionTemplate transaction, EmulatorProperties properties,
			Clock clock) {
		this.sessions = sessions;
		this.transaction = transaction;
		this.settings = properties.purge();
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${emulator.purge.interval:1h}", fixedDelayString = "${emulator.purge.interval:1h}")
	void scheduled() {
		if (this.settings.enabled()) {
			purge();
		}
	}

	/** Deletes, batch by batch, every session past the retention; returns how many. */
	int purge() {
		Timestamp cutoff = Timestamp.from(this.clock.instant().minus(this.settings.retention()));
		int total = 0;
		int deleted;
		do {
			deleted = this.transaction.execute((status) -> this.sessions.purgeBatch(cutoff, this.settings.batchSize()));
			total += deleted;
		}
		while (deleted == this.settings.batchSize());
		if (total > 0) {
			log.info("Purged {} client sessions expired or revoked before {}", total, cutoff.toInstant());
		}
		return total;
	}

}
