package dev.emulator.seam.actionattempt;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * Seam's {@code action_attempt}: {@code result} and {@code error} are always present,
 * {@code null} unless the attempt ended with one.
 *
 * @param result the stored jsonb object, or null
 * @param error the stored jsonb {@code {type, message}}, or null
 */
public record ActionAttemptView(String actionAttemptId, String actionType, String status, @JsonRawValue String result,
		@JsonRawValue String error, @JsonIgnore String connectedAccountId, @JsonIgnore Instant createdAt) {

}
