package dev.emulator.seam.connectedaccount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.emulator.seam.support.AssignedIdEntity;

/**
 * A connected account, as written; reads for the routes go through
 * {@link ConnectedAccountReads}. JSON members are kept as the JSON text they are stored
 * as.
 */
@Entity
@Table(name = "connected_accounts")
class ConnectedAccount extends AssignedIdEntity {

	@Id
	@Column(name = "connected_account_id")
	private String id;

	private String workspaceId;

	private String provider;

	private String accountTypeDisplayName;

	private String displayName;

	@JdbcTypeCode(SqlTypes.JSON)
	private String userIdentifier;

	@JdbcTypeCode(SqlTypes.JSON)
	private String customMetadata;

	private boolean automaticallyManageNewDevices;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> acceptedCapabilities = new ArrayList<>();

	private String customerKey;

	private Instant createdAt;

	protected ConnectedAccount() {
	}

	static ConnectedAccount create(String workspaceId, NewConnectedAccount spec, String userIdentifierJson,
			String customMetadataJson, Instant now) {
		ConnectedAccount account = new ConnectedAccount();
		account.id = spec.connectedAccountId();
		account.workspaceId = workspaceId;
		account.provider = spec.provider();
		account.accountTypeDisplayName = spec.accountTypeDisplayName();
		account.displayName = spec.displayName();
		account.userIdentifier = userIdentifierJson;
		account.customMetadata = customMetadataJson;
		account.automaticallyManageNewDevices = spec.automaticallyManageNewDevices();
		account.acceptedCapabilities = new ArrayList<>(spec.acceptedCapabilities());
		account.customerKey = spec.customerKey();
		account.createdAt = now;
		return account;
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getWorkspaceId() {
		return this.workspaceId;
	}

	String getProvider() {
		return this.provider;
	}

	String getCustomMetadata() {
		return this.customMetadata;
	}

	String getCustomerKey() {
		return this.customerKey;
	}

}
