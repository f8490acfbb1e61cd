package dev.emulator.seam.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.Secrets;

/** An API key; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "api_keys")
class ApiKey {

	@Id
	@Column(name = "api_key_id")
	private String id;

	private String workspaceId;

	private String name;

	private String shortToken;

	private String tokenHash;

	private Instant createdAt;

	private Instant revokedAt;

	protected ApiKey() {
	}

	/** A key for a token chosen by the caller (from configuration) or generated. */
	static ApiKey of(String workspaceId, String name, String token, Instant now) {
		ApiKey key = new ApiKey();
		key.id = Secrets.newId();
		key.workspaceId = workspaceId;
		key.name = name;
		key.shortToken = shortTokenOf(token);
		key.tokenHash = Hashes.sha256Hex(token);
		key.createdAt = now;
		return key;
	}

	private static String shortTokenOf(String token) {
		String[] parts = token.split("_");
		return (parts.length >= 2) ? parts[1] : token.substring(0, Math.min(8, token.length()));
	}

	String getId() {
		return this.id;
	}

	String getWorkspaceId() {
		return this.workspaceId;
	}

	String getTokenHash() {
		return this.tokenHash;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

}
