package dev.emulator.seam.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.emulator.seam.support.AssignedIdEntity;
import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.Secrets;

/**
 * A workspace's publishable key. It is public by design (front ends embed it,
 * {@code workspaces/get} shows it), so the key itself is kept next to the hash that
 * authentication looks it up by.
 */
@Entity
@Table(name = "publishable_keys")
class PublishableKey extends AssignedIdEntity {

	@Id
	@Column(name = "publishable_key_id")
	private String id;

	private String workspaceId;

	private String publishableKey;

	private String publishableKeyHash;

	private Instant createdAt;

	private Instant revokedAt;

	protected PublishableKey() {
	}

	@Override
	public String getId() {
		return this.id;
	}

	/** A new key in Seam's format, {@code seam_pk1<8 chars>_<24 chars>}. */
	static PublishableKey generate(String workspaceId, Instant now) {
		PublishableKey key = new PublishableKey();
		key.id = Secrets.newId();
		key.workspaceId = workspaceId;
		key.publishableKey = Secrets.token("seam_pk1");
		key.publishableKeyHash = Hashes.sha256Hex(key.publishableKey);
		key.createdAt = now;
		return key;
	}

	/** Stops the key from authenticating; revoking twice keeps the first time. */
	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	PublishableKeyView toView() {
		return new PublishableKeyView(this.id, this.workspaceId, this.publishableKey, this.createdAt, this.revokedAt);
	}

}
