package dev.emulator.seam.auth;

import java.time.Instant;

/**
 * The one definition of whether a client session is live (BEHAVIOUR 3.4): revoked is
 * checked before expired, as Seam reports them, and a session whose {@code expires_at} is
 * now is expired. The SQL twin of this rule is {@code ClientSessionReads.LIVE}; both must
 * change together.
 */
public enum ClientSessionState {

	LIVE, REVOKED, EXPIRED;

	public static ClientSessionState of(Instant revokedAt, Instant expiresAt, Instant now) {
		if (revokedAt != null) {
			return REVOKED;
		}
		return expiresAt.isAfter(now) ? LIVE : EXPIRED;
	}

	public static boolean isLive(Instant revokedAt, Instant expiresAt, Instant now) {
		return of(revokedAt, expiresAt, now) == LIVE;
	}

}
