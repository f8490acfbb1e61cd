package dev.emulator.seam.actionattempt;

import tools.jackson.databind.JsonNode;

/**
 * What {@code /_fake/update_action_attempt} tells an attempt, as Seam's fake takes it
 * (BEHAVIOUR 7.5): stay {@code pending} until told otherwise, end with {@code success}
 * (and a result, or none to keep the attempt's own), or end with {@code error} and Seam's
 * {@code {type, message}}.
 *
 * @param result the result of a success (a JSON object); null to keep the attempt's own
 */
public record ActionAttemptUpdate(Status status, JsonNode result, String errorType, String errorMessage) {

	public enum Status {

		PENDING, SUCCESS, ERROR

	}

	public static ActionAttemptUpdate pending() {
		return new ActionAttemptUpdate(Status.PENDING, null, null, null);
	}

	public static ActionAttemptUpdate success(JsonNode result) {
		return new ActionAttemptUpdate(Status.SUCCESS, result, null, null);
	}

	public static ActionAttemptUpdate error(String type, String message) {
		return new ActionAttemptUpdate(Status.ERROR, null, type, message);
	}

}
