package dev.emulator.seam.actionattempt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries out due attempts that nobody reads (a client that does not wait for its action
 * still sees it happen).
 */
@Component
class ActionAttemptPoller {

	private static final Logger logger = LoggerFactory.getLogger(ActionAttemptPoller.class);

	private final ActionAttempts attempts;

	ActionAttemptPoller(ActionAttempts attempts) {
		this.attempts = attempts;
	}

	@Scheduled(initialDelayString = "${emulator.action-attempts.poll-interval:250ms}",
			fixedDelayString = "${emulator.action-attempts.poll-interval:250ms}")
	void completeDue() {
		try {
			while (this.attempts.completeDueBatch() > 0) {
				// a full batch may mean more are due
			}
		}
		catch (RuntimeException ex) {
			// The next poll tries again; a failed batch rolled back whole.
			logger.warn("Could not complete due action attempts", ex);
		}
	}

}
