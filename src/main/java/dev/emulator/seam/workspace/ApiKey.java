package dev.emulator.seam.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.emulator.seam.support.AssignedIdEntity;
import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.Secrets;

/** An API key; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "api_keys")
class ApiKey extends AssignedIdEntity {

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

	/**
	 * A generated token: {@code seam_test<8>_<24>} for a sandbox workspace (Seam's
	 * sandbox keys start {@code seam_test}), {@code seam_<8>_<24>} otherwise, never one
	 * that would read as another kind of credential ({@code seam_cst}, {@code seam_at},
	 * {@code seam_pk}; BEHAVIOUR 2.2).
	 */
	static String newToken(boolean sandbox) {
		if (sandbox) {
			return Secrets.token("seam_test");
		}
		String token;
		do {
			token = Secrets.token("seam_");
		}
		while (token.startsWith("seam_cst") || token.startsWith("seam_at") || token.startsWith("seam_pk"));
		return token;
	}

	private static String shortTokenOf(String token) {
		String[] parts = token.split("_");
		return (parts.length >= 2) ? parts[1] : token.substring(0, Math.min(8, token.length()));
	}

	@Override
	public String getId() {
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

	/**
	 * Stops the key from authenticating, on the very next request; revoking twice keeps
	 * the first time.
	 */
	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	String getName() {
		return this.name;
	}

	/** The key without its token, which is not stored. */
	ApiKeyView toView() {
		return new ApiKeyView(this.id, this.workspaceId, this.name, this.shortToken, this.createdAt, this.revokedAt,
				null);
	}

	/**
	 * The key with its token: only right after the token was generated, the one time it
	 * is known.
	 */
	ApiKeyView toIssuedView(String token) {
		return new ApiKeyView(this.id, this.workspaceId, this.name, this.shortToken, this.createdAt, this.revokedAt,
				token);
	}

}
