package dev.emulator.seam.support;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the server can be told, under {@code emulator.*} (environment variables map
 * as usual, and the few a user needs have short aliases in {@code application.yml}:
 * {@code SEAM_SEED}, {@code SEAM_DATA_DIR}, {@code SEAM_API_KEY},
 * {@code SEAM_ADMIN_TOKEN}, ...).
 *
 * @param seed load the fake-seam-connect seed fixture and enable the sandbox routes
 * @param clientSessionLifetime lifetime of a session created without {@code expires_at};
 * Seam's fake uses one year of 365.25 days (BEHAVIOUR 3.5)
 * @param dataDir where the embedded PostgreSQL keeps its data when no datasource URL is
 * configured
 * @param apiKey an API key to make sure exists (in a workspace of its own) at start-up;
 * empty for none
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * {@code payload_too_large}
 * @param maxArrayItems the most ids accepted in one array parameter
 * @param maxStringLength the longest string accepted in a parameter
 * @param tokenEncryptionKey base64 AES key sealing client session tokens at rest; empty
 * to use (and create) the key file in {@code dataDir}
 * @param rateLimit optional per-credential rate limiting
 * @param purge removal of sessions long expired or revoked
 * @param adminToken the credential of the {@code /_admin/*} provisioning routes
 * ({@code seam-admin-token} header); empty (the default) leaves those routes unmapped
 */
@Validated
@ConfigurationProperties("emulator")
public record EmulatorProperties(@DefaultValue("false") boolean seed,
		@DefaultValue("8766h") @NotNull Duration clientSessionLifetime, @DefaultValue("./data") @NotNull Path dataDir,
		@DefaultValue("") String apiKey, @DefaultValue("1048576") @Positive int maxBodyBytes,
		@DefaultValue("1000") @Positive int maxArrayItems, @DefaultValue("1000") @Positive int maxStringLength,
		@DefaultValue("") String tokenEncryptionKey, @DefaultValue @NotNull RateLimit rateLimit,
		@DefaultValue @NotNull Purge purge, @DefaultValue("") @Pattern(regexp = "|.{16,}",
				message = "must be empty (admin routes off) or at least 16 characters") String adminToken) {

	/**
	 * Per-credential token buckets: each API key, client session, personal access token
	 * (per workspace) and publishable key user gets its own, so one noisy credential does
	 * not slow another. Off by default.
	 *
	 * @param requestsPerSecond the sustained rate
	 * @param burst how many requests may come at once
	 */
	public record RateLimit(@DefaultValue("false") boolean enabled,
			@DefaultValue("50") @Positive long requestsPerSecond, @DefaultValue("100") @Positive long burst) {
	}

	/**
	 * Sessions expired or revoked longer ago than {@code retention} are deleted every
	 * {@code interval}.
	 */
	public record Purge(@DefaultValue("true") boolean enabled, @DefaultValue("30d") @NotNull Duration retention,
			@DefaultValue("1h") @NotNull Duration interval, @DefaultValue("1000") @Positive int batchSize) {
	}

	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	public boolean hasAdminToken() {
		return this.adminToken != null && !this.adminToken.isEmpty();
	}

}
