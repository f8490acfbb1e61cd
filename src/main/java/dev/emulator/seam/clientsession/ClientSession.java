package dev.emulator.seam.clientsession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.emulator.seam.auth.ClientSessionState;
import dev.emulator.seam.support.AssignedIdEntity;
import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.Secrets;

/**
 * A client session. State changes go through methods named for what they mean; there are
 * no setters.
 */
@Entity
@Table(name = "client_sessions")
class ClientSession extends AssignedIdEntity {

	static final String TOKEN_PREFIX = "seam_cst1";

	@Id
	@Column(name = "client_session_id")
	private String id;

	private String workspaceId;

	// The readable copy get and list return, sealed with AES-GCM (TokenCipher); never the
	// token itself.
	private String tokenCiphertext;

	private String tokenHash;

	private String userIdentifierKey;

	private String liveUserIdentifierKey;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> connectedAccountIds = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> connectWebviewIds = new ArrayList<>();

	private String userIdentityId;

	private String customerKey;

	private String customerId;

	private String createdVia;

	private String apiKeyId;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant revokedAt;

	protected ClientSession() {
	}

	/**
	 * A new session with a new token; {@code sealer} turns (token, session id) into the
	 * stored ciphertext.
	 */
	static ClientSession create(String workspaceId, NewClientSession spec, Instant now, Instant expiresAt,
			BiFunction<String, String, String> sealer) {
		ClientSession session = new ClientSession();
		session.id = Secrets.newId();
		session.workspaceId = workspaceId;
		String token = Secrets.token(TOKEN_PREFIX);
		session.tokenCiphertext = sealer.apply(token, session.id);
		session.tokenHash = Hashes.sha256Hex(token);
		session.userIdentifierKey = spec.userIdentifierKey();
		session.liveUserIdentifierKey = spec.userIdentifierKey();
		session.connectedAccountIds = new ArrayList<>(spec.connectedAccountIds());
		session.connectWebviewIds = new ArrayList<>(spec.connectWebviewIds());
		session.userIdentityId = spec.userIdentityId();
		session.customerKey = spec.customerKey();
		session.customerId = spec.customerId();
		session.createdVia = spec.createdVia();
		session.apiKeyId = spec.apiKeyId();
		session.createdAt = now;
		session.expiresAt = expiresAt;
		return session;
	}

	boolean isLive(Instant now) {
		return ClientSessionState.isLive(this.revokedAt, this.expiresAt, now);
	}

	/**
	 * Revoking is soft and idempotent; the user's key is freed for a new live session.
	 */
	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
		this.liveUserIdentifierKey = null;
	}

	/**
	 * An expired session gives up its claim on the user's key, so a new live session can
	 * take it.
	 */
	void retire() {
		this.liveUserIdentifierKey = null;
	}

	/**
	 * get_or_create on an existing session: given lists replace the stored ones
	 * (BEHAVIOUR 3.9).
	 */
	void update(List<String> connectedAccountIds, List<String> connectWebviewIds, String userIdentityId,
			Instant expiresAt) {
		if (connectedAccountIds != null) {
			this.connectedAccountIds = new ArrayList<>(connectedAccountIds);
		}
		if (connectWebviewIds != null) {
			this.connectWebviewIds = new ArrayList<>(connectWebviewIds);
		}
		if (userIdentityId != null) {
			this.userIdentityId = userIdentityId;
		}
		if (expiresAt != null) {
			this.expiresAt = expiresAt;
		}
	}

	/**
	 * grant_access: additive, existing ids keep their place and new ones are appended
	 * (BEHAVIOUR 3.11).
	 */
	void grant(List<String> connectedAccountIds, List<String> connectWebviewIds, String userIdentityId) {
		this.connectedAccountIds = union(this.connectedAccountIds, connectedAccountIds);
		this.connectWebviewIds = union(this.connectWebviewIds, connectWebviewIds);
		if (userIdentityId != null) {
			this.userIdentityId = userIdentityId;
		}
	}

	/**
	 * Sets the user's key on a session that has none (grant_access selecting by id with a
	 * key).
	 */
	void assignUserIdentifierKey(String key, Instant now) {
		this.userIdentifierKey = key;
		if (isLive(now)) {
			this.liveUserIdentifierKey = key;
		}
	}

	private static List<String> union(List<String> existing, List<String> added) {
		if (added == null || added.isEmpty()) {
			return existing;
		}
		LinkedHashSet<String> merged = new LinkedHashSet<>(existing);
		merged.addAll(added);
		return new ArrayList<>(merged);
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

	String getTokenCiphertext() {
		return this.tokenCiphertext;
	}

	String getUserIdentifierKey() {
		return this.userIdentifierKey;
	}

	String getLiveUserIdentifierKey() {
		return this.liveUserIdentifierKey;
	}

	String getCustomerId() {
		return this.customerId;
	}

	String getCreatedVia() {
		return this.createdVia;
	}

	String getApiKeyId() {
		return this.apiKeyId;
	}

	List<String> getConnectedAccountIds() {
		return List.copyOf(this.connectedAccountIds);
	}

	List<String> getConnectWebviewIds() {
		return List.copyOf(this.connectWebviewIds);
	}

	String getUserIdentityId() {
		return this.userIdentityId;
	}

	String getCustomerKey() {
		return this.customerKey;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	Instant getRevokedAt() {
		return this.revokedAt;
	}

}
