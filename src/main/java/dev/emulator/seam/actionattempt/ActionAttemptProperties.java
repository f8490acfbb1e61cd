package dev.emulator.seam.actionattempt;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param completionDelay how long an action attempt stays {@code pending} before it is
 * carried out (Seam's SDK polls {@code /action_attempts/get} until it is not)
 * @param pollInterval how often due attempts nobody asked about are carried out
 */
@Validated
@ConfigurationProperties("emulator.action-attempts")
public record ActionAttemptProperties(@DefaultValue("500ms") @NotNull Duration completionDelay,
		@DefaultValue("250ms") @NotNull Duration pollInterval) {

	public ActionAttemptProperties {
		if (completionDelay.isNegative()) {
			throw new IllegalArgumentException("emulator.action-attempts.completion-delay cannot be negative");
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("emulator.action-attempts.poll-interval must be positive");
		}
	}

}
