package dev.emulator.seam.auth;

import java.time.Clock;

import org.springframework.stereotype.Component;

/** Works out the {@link ResourceScope} of a caller for the read routes. */
@Component
public class ResourceScopes {

	private final CredentialStore.ClientSessions sessions;

	private final Clock clock;

	ResourceScopes(CredentialStore.ClientSessions sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * The caller's scope. A client session token sees what its session owns and ignores
	 * {@code userIdentifierKey} (BEHAVIOUR 4.2); an API key or personal access token with
	 * a {@code userIdentifierKey} sees what that user's live session owns, or nothing
	 * when there is none; without one, the whole workspace.
	 */
	public ResourceScope of(AuthContext auth, String userIdentifierKey) {
		String workspaceId = auth.workspaceId();
		if (auth instanceof ClientSessionAuth session) {
			return ResourceScope.ofSession(workspaceId, session.clientSessionId(), session.connectedAccountIds(),
					session.connectWebviewIds(), session.userIdentityId());
		}
		if (auth instanceof PublishableKeyAuth) {
			return ResourceScope.nothing(workspaceId);
		}
		if (userIdentifierKey == null) {
			return ResourceScope.wholeWorkspace(workspaceId);
		}
		return this.sessions.liveSessionOfUser(workspaceId, userIdentifierKey, this.clock.instant())
			.map((s) -> ResourceScope.ofSession(workspaceId, s.clientSessionId(), s.connectedAccountIds(),
					s.connectWebviewIds(), s.userIdentityId()))
			.orElseGet(() -> ResourceScope.nothing(workspaceId));
	}

}
