package dev.emulator.seam.actionattempt;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.emulator.seam.support.Secrets;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts action attempts and carries them out when due.
 * <p>
 * An attempt is stored {@code pending} with
 * {@code completes_at = created_at + completion delay}. It is carried out by whoever
 * first finds it due: a read of it ({@code /action_attempts/get} and {@code /list}, which
 * is what Seam's SDK polls, so the answer is never staler than the delay), or
 * {@link ActionAttemptPoller} for attempts nobody reads. Both lock the row
 * ({@code select ... for update}) and only a row still {@code pending} is carried out, in
 * the same transaction as the change its handler makes: two instances or two readers
 * never carry one out twice, and a restart loses nothing, since a pending attempt is just
 * a row that is due later.
 */
@Component
public class ActionAttempts {

	// How many due attempts one poll carries out, so that one transaction stays short.
	private static final int BATCH = 100;

	private final ActionAttemptRepository repository;

	private final Map<String, ActionAttemptHandler> handlers = new HashMap<>();

	private final ActionAttemptProperties properties;

	private final Clock clock;

	ActionAttempts(ActionAttemptRepository repository, List<ActionAttemptHandler> handlers,
			ActionAttemptProperties properties, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
		for (ActionAttemptHandler handler : handlers) {
			for (String type : handler.actionTypes()) {
				if (this.handlers.putIfAbsent(type, handler) != null) {
					throw new IllegalStateException("Two handlers for action type " + type);
				}
			}
		}
	}

	/**
	 * Records a pending attempt in the caller's transaction. With {@code sync} it is
	 * carried out at once, in that same transaction, and returned ended.
	 * @param params what the handler will need, stored with the attempt
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ActionAttemptView start(String workspaceId, String actionType, String deviceId, String connectedAccountId,
			Map<String, Object> params, boolean sync) {
		if (!this.handlers.containsKey(actionType)) {
			throw new IllegalArgumentException("No handler for action type " + actionType);
		}
		Instant now = now();
		String id = Secrets.newId();
		this.repository.insert(id, workspaceId, actionType, deviceId, connectedAccountId, params, now,
				sync ? now : now.plus(this.properties.completionDelay()));
		if (sync) {
			completeDue(workspaceId, Set.of(id));
		}
		return this.repository.find(workspaceId, id).orElseThrow();
	}

	/** Carries out the due pending attempts among {@code ids} of the workspace. */
	@Transactional
	public void completeDue(String workspaceId, Set<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		complete(this.repository.lockDue(workspaceId, ids, now(), ids.size()));
	}

	/** Carries out up to one batch of due attempts of any workspace; how many it did. */
	@Transactional
	public int completeDueBatch() {
		List<ActionAttemptHandler.DueAttempt> due = this.repository.lockDue(null, null, now(), BATCH);
		complete(due);
		return due.size();
	}

	private void complete(List<ActionAttemptHandler.DueAttempt> due) {
		for (ActionAttemptHandler.DueAttempt attempt : due) {
			ActionAttemptHandler.Outcome outcome = this.handlers.get(attempt.actionType()).complete(attempt);
			this.repository.finish(attempt.actionAttemptId(), outcome, attempt.completedAt());
		}
	}

	// Seam's timestamps have millisecond precision (JavaScript dates).
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
