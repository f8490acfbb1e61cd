package dev.emulator.seam.workspace;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An API key as the admin routes show it. {@code token} is there only in the answer that
 * issued the key (create, rotate, workspace create): only its hash is stored, so it can
 * never be shown again. {@code revoked_at} is null while the key works.
 */
record ApiKeyView(String apiKeyId, String workspaceId, String name, String shortToken, Instant createdAt,
		Instant revokedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

}
