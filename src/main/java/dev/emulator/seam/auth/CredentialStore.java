package dev.emulator.seam.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What authentication and scoping need to read of the stored credentials. The features
 * that own them implement it ({@code workspace} for keys and tokens,
 * {@code clientsession} for sessions), so that {@code auth} depends on no feature. Every
 * lookup finds a credential by the SHA-256 of the secret, never by the secret, and reads
 * the database on every call: a revoke is effective on the very next request on every
 * instance (BEHAVIOUR 2.3).
 */
public interface CredentialStore {

	/**
	 * The API key with this token, live or revoked (so that a revoked key can be told
	 * apart from a mistyped one); empty when unknown.
	 */
	Optional<ApiKeyIdentity> findApiKey(String token);

	/**
	 * The owner of the live personal access token with this whole token; empty when
	 * unknown or revoked.
	 */
	Optional<AccessTokenOwner> findAccessTokenOwner(String token);

	/**
	 * The id of the live console (user) session of this user with this key; empty when
	 * there is none.
	 */
	Optional<String> findUserSession(String userId, String key);

	boolean workspaceExists(String workspaceId);

	boolean isMember(String userId, String workspaceId);

	record ApiKeyIdentity(String workspaceId, String apiKeyId, boolean revoked) {
	}

	record AccessTokenOwner(String accessTokenId, String userId) {
	}

	record PublishableKeyWorkspace(String workspaceId, boolean publishableKeyAuthEnabled) {
	}

	/**
	 * Client sessions as authentication and scoping see them.
	 */
	interface ClientSessions {

		/**
		 * The session whose token this is, whatever its state (the provider decides what
		 * is refused).
		 */
		Optional<ClientSessionCredential> findByToken(String token);

		/**
		 * The user's live session in the workspace at {@code now}; empty when the user
		 * has none.
		 */
		Optional<ClientSessionCredential> liveSessionOfUser(String workspaceId, String userIdentifierKey, Instant now);

		/**
		 * The workspace whose live publishable key this is; empty when the key is unknown
		 * or revoked. The user's session in that workspace is read in the same statement
		 * and kept for the current request only, so that {@code get_or_create}, the
		 * publishable key's route, needs no second round trip (BEHAVIOUR 2.3: the key is
		 * still checked on every request).
		 */
		Optional<PublishableKeyWorkspace> findByPublishableKey(String publishableKey, String userIdentifierKey);

	}

	record ClientSessionCredential(String clientSessionId, String workspaceId, String userIdentifierKey,
			List<String> connectedAccountIds, List<String> connectWebviewIds, String userIdentityId, Instant expiresAt,
			Instant revokedAt) {

		public ClientSessionCredential {
			connectedAccountIds = List.copyOf(connectedAccountIds);
			connectWebviewIds = List.copyOf(connectWebviewIds);
		}

	}

}
