package dev.emulator.seam.useridentity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.emulator.seam.support.AssignedIdEntity;

/**
 * A user identity, as written; reads for the routes go through {@link UserIdentityReads}.
 * An identity is never changed once created.
 */
@Entity
@Table(name = "user_identities")
class UserIdentity extends AssignedIdEntity {

	@Id
	@Column(name = "user_identity_id")
	private String id;

	private String workspaceId;

	private String userIdentityKey;

	private String emailAddress;

	private String phoneNumber;

	private String fullName;

	private String displayName;

	private Instant createdAt;

	protected UserIdentity() {
	}

	static UserIdentity create(String id, String workspaceId, UserIdentityParams.Create params, Instant now) {
		UserIdentity identity = new UserIdentity();
		identity.id = id;
		identity.workspaceId = workspaceId;
		identity.userIdentityKey = params.userIdentityKey();
		identity.emailAddress = params.emailAddress();
		identity.phoneNumber = params.phoneNumber();
		identity.fullName = params.fullName();
		identity.displayName = params.displayName();
		identity.createdAt = now;
		return identity;
	}

	@Override
	public String getId() {
		return this.id;
	}

}
