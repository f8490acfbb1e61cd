package dev.emulator.seam.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The liveness rule (BEHAVIOUR 3.4) on a fixed clock. */
class ClientSessionStateTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

	private final Instant now = CLOCK.instant();

	@Test
	void ofWhenNotRevokedAndExpiresLaterThenLive() {
		assertThat(ClientSessionState.of(null, this.now.plusMillis(1), this.now)).isEqualTo(ClientSessionState.LIVE);
		assertThat(ClientSessionState.isLive(null, this.now.plus(Duration.ofDays(365)), this.now)).isTrue();
	}

	@Test
	void ofWhenExpiresAtIsNowThenExpired() {
		assertThat(ClientSessionState.of(null, this.now, this.now)).isEqualTo(ClientSessionState.EXPIRED);
		assertThat(ClientSessionState.of(null, this.now.minusSeconds(1), this.now))
			.isEqualTo(ClientSessionState.EXPIRED);
	}

	@Test
	void ofWhenRevokedAndExpiredThenRevokedFirst() {
		assertThat(ClientSessionState.of(this.now.minusSeconds(10), this.now.minusSeconds(5), this.now))
			.isEqualTo(ClientSessionState.REVOKED);
	}

	@Test
	void ofWhenRevokedButNotYetExpiredThenRevoked() {
		assertThat(ClientSessionState.of(this.now.minusSeconds(1), this.now.plusSeconds(60), this.now))
			.isEqualTo(ClientSessionState.REVOKED);
		assertThat(ClientSessionState.isLive(this.now, this.now.plusSeconds(60), this.now)).isFalse();
	}

}
