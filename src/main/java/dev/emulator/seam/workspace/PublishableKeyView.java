package dev.emulator.seam.workspace;

import java.time.Instant;

/**
 * A publishable key as the admin routes show it; {@code revoked_at} is null while it
 * works.
 */
record PublishableKeyView(String publishableKeyId, String workspaceId, String publishableKey, Instant createdAt,
		Instant revokedAt) {

}
