package dev.emulator.seam.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret the HMAC secret console session tokens (HS256 JWTs) are signed with.
 * Empty (the default): the seed's {@code "secret"} when the seed is loaded, as Seam's
 * fake signs them, and console sessions refused otherwise.
 */
@ConfigurationProperties("emulator.console-session")
public record ConsoleSessionProperties(@DefaultValue("") String secret) {

	static final String SEED_SECRET = "secret";

	/** The secret in effect, or {@code null} when console sessions are off. */
	String effectiveSecret(boolean seed) {
		if (this.secret != null && !this.secret.isEmpty()) {
			return this.secret;
		}
		return seed ? SEED_SECRET : null;
	}

}
