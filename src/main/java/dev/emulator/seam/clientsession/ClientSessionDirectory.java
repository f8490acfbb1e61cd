package dev.emulator.seam.clientsession;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.emulator.seam.support.Hashes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The narrow port authentication uses to find a client session by its token: the one unscoped lookup of sessions,
 * through the unique index on the token's SHA-256.
 */
@Component
public class ClientSessionDirectory {

	private final ClientSessionRepository sessions;

	ClientSessionDirectory(ClientSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Transactional(readOnly = true)
	public Optional<ClientSessionCredential> findByToken(String token) {
		return this.sessions.findByTokenHash(Hashes.sha256Hex(token))
			.filter((s) -> Hashes.matches(token, s.getTokenHash()))
			.map((s) -> new ClientSessionCredential(s.getId(), s.getWorkspaceId(), s.getUserIdentifierKey(),
					s.getConnectedAccountIds(), s.getConnectWebviewIds(), s.getUserIdentityId(), s.getExpiresAt(),
					s.getRevokedAt()));
	}

	public record ClientSessionCredential(String clientSessionId, String workspaceId, String userIdentifierKey,
			List<String> connectedAccountIds, List<String> connectWebviewIds, String userIdentityId,
			Instant expiresAt, Instant revokedAt) {
	}

}
