package dev.emulator.seam.actionattempt;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.support.Secrets;

import org.springframework.data.domain.Limit;
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
 * ({@link ActionAttemptRepository}) and only a row still {@code pending} is carried out,
 * in the same transaction as the change its handler makes: two instances or two readers
 * never carry one out twice, and a restart loses nothing, since a pending attempt is just
 * a row that is due later. An attempt that {@code /_fake/update_action_attempt} holds has
 * no {@code completes_at}: it is never due, and waits to be told (BEHAVIOUR 7.5).
 */
@Component
public class ActionAttempts {

	// How many due attempts one poll carries out, so that one transaction stays short.
	private static final int BATCH = 100;

	private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {
	};

	private final ActionAttemptRepository repository;

	private final ActionAttemptReads reads;

	private final Map<String, ActionAttemptHandler> handlers = new HashMap<>();

	private final ActionAttemptProperties properties;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	ActionAttempts(ActionAttemptRepository repository, ActionAttemptReads reads, List<ActionAttemptHandler> handlers,
			ActionAttemptProperties properties, JsonMapper jsonMapper, Clock clock) {
		this.repository = repository;
		this.reads = reads;
		this.properties = properties;
		this.jsonMapper = jsonMapper;
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
		this.repository.saveAndFlush(ActionAttempt.start(id, workspaceId, actionType, deviceId, connectedAccountId,
				this.jsonMapper.writeValueAsString(params), now,
				sync ? now : now.plus(this.properties.completionDelay())));
		if (sync) {
			completeDue(workspaceId, Set.of(id));
		}
		return this.reads.find(workspaceId, id).orElseThrow();
	}

	/** Carries out the due pending attempts among {@code ids} of the workspace. */
	@Transactional
	public void completeDue(String workspaceId, Set<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Instant now = now();
		complete(this.repository.findDueForUpdate(workspaceId, ids, now), now);
	}

	/** Carries out up to one batch of due attempts of any workspace; how many it did. */
	@Transactional
	public int completeDueBatch() {
		Instant now = now();
		List<ActionAttempt> due = this.repository.findDueSkipLocked(now, Limit.of(BATCH));
		complete(due, now);
		return due.size();
	}

	/**
	 * Tells an attempt of the workspace how it stands, as Seam's fake lets its tests do
	 * (BEHAVIOUR 7.5): {@code pending} holds it (reopening it if it had ended) until told
	 * otherwise; {@code success} makes its change now if that was not done yet, and ends
	 * it with the given result, else the one its change gave, else the one it had, else
	 * {@code {}}; {@code error} ends it with that error, its change not made if it was
	 * not yet. Empty when the workspace has no such attempt.
	 */
	@Transactional
	public Optional<ActionAttemptView> update(String workspaceId, String actionAttemptId, ActionAttemptUpdate update) {
		Optional<ActionAttempt> found = this.repository.findByWorkspaceIdAndIdForUpdate(workspaceId, actionAttemptId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ActionAttempt attempt = found.get();
		Instant now = now();
		switch (update.status()) {
			case PENDING -> attempt.hold();
			case SUCCESS -> {
				String result = attempt.getResult();
				if (!attempt.isCarriedOut()) {
					ActionAttemptHandler.Outcome outcome = carryOut(attempt, now);
					attempt.markCarriedOut(now);
					result = outcome.success() ? this.jsonMapper.writeValueAsString(outcome.result()) : null;
				}
				if (update.result() != null) {
					result = this.jsonMapper.writeValueAsString(update.result());
				}
				attempt.settle(true, (result != null) ? result : "{}", null, now);
			}
			case ERROR -> attempt.settle(false, null, this.jsonMapper
				.writeValueAsString(Map.of("type", update.errorType(), "message", update.errorMessage())), now);
		}
		this.repository.flush();
		return this.reads.find(workspaceId, actionAttemptId);
	}

	/**
	 * Carries out locked due attempts, each in the caller's transaction with the change
	 * its handler makes; the attempts' ends are flushed, so that a read in this
	 * transaction sees them.
	 */
	private void complete(List<ActionAttempt> due, Instant now) {
		for (ActionAttempt attempt : due) {
			ActionAttemptHandler.Outcome outcome = carryOut(attempt, now);
			Map<String, Object> error = outcome.success() ? null
					: Map.of("type", outcome.errorType(), "message", outcome.errorMessage());
			attempt.finish(outcome.success(),
					outcome.success() ? this.jsonMapper.writeValueAsString(outcome.result()) : null,
					(error != null) ? this.jsonMapper.writeValueAsString(error) : null, now);
		}
		if (!due.isEmpty()) {
			this.repository.flush();
		}
	}

	/** Makes the change a locked attempt asks for, through its feature's handler. */
	private ActionAttemptHandler.Outcome carryOut(ActionAttempt attempt, Instant now) {
		return this.handlers.get(attempt.getActionType())
			.complete(new ActionAttemptHandler.DueAttempt(attempt.getId(), attempt.getWorkspaceId(),
					attempt.getActionType(), attempt.getDeviceId(), attempt.getConnectedAccountId(),
					this.jsonMapper.readValue(attempt.getParams(), MEMBERS), now));
	}

	/**
	 * The workspace's attempts, oldest first, as they are stored (none is carried out by
	 * this read): for the sandbox's view of its data (BEHAVIOUR 7.5).
	 */
	public List<ActionAttemptView> all(String workspaceId) {
		return this.reads.all(workspaceId);
	}

	// Seam's timestamps have millisecond precision (JavaScript dates).
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
