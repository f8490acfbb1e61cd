package dev.emulator.seam.actionattempt;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Carries out the due action attempts of some action types. Implemented by the feature
 * that owns the action (locks, access codes); called inside the transaction that ends the
 * attempt, so the change it makes and the attempt's end commit together, exactly once.
 */
public interface ActionAttemptHandler {

	/** The {@code action_type} values this handler carries out. */
	Set<String> actionTypes();

	/** Makes the change the attempt asked for, or tells why it cannot be done. */
	Outcome complete(DueAttempt attempt);

	/**
	 * An attempt being carried out.
	 *
	 * @param params what the feature stored when it started the attempt
	 * @param completedAt the instant the action happens (the events it records occur
	 * then)
	 */
	record DueAttempt(String actionAttemptId, String workspaceId, String actionType, String deviceId,
			String connectedAccountId, Map<String, Object> params, Instant completedAt) {
	}

	/**
	 * How an attempt ends: {@code success} with a result, or {@code error} with Seam's
	 * {type, message}.
	 */
	record Outcome(boolean success, Map<String, Object> result, String errorType, String errorMessage) {

		public static Outcome success(Map<String, Object> result) {
			return new Outcome(true, Map.copyOf(result), null, null);
		}

		public static Outcome error(String type, String message) {
			return new Outcome(false, null, type, message);
		}

	}

}
