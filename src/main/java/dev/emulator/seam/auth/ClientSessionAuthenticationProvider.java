package dev.emulator.seam.auth;

import java.time.Clock;

import dev.emulator.seam.auth.CredentialStore.ClientSessionCredential;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks a client session token against the database on every request (no cache, so a
 * revoke or delete is effective on the very next request on every instance), in Seam's
 * order (BEHAVIOUR 2.3): not found (also: deleted), revoked, expired. A session cannot
 * outlive its workspace (the schema cascades), so {@code workspace_not_found} cannot
 * arise.
 */
final class ClientSessionAuthenticationProvider implements AuthenticationProvider {

	private final CredentialStore.ClientSessions sessions;

	private final Clock clock;

	ClientSessionAuthenticationProvider(CredentialStore.ClientSessions sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SeamAuthenticationToken request = (SeamAuthenticationToken) authentication;
		if (request.getMethod() != AuthMethod.CLIENT_SESSION) {
			return null;
		}
		ClientSessionCredential session = this.sessions.findByToken(request.getCredentials())
			.orElseThrow(() -> failure(ErrorTypes.CLIENT_SESSION_NOT_FOUND, "Unauthorized (client session not found)"));
		switch (ClientSessionState.of(session.revokedAt(), session.expiresAt(), this.clock.instant())) {
			case REVOKED -> throw failure(ErrorTypes.CLIENT_SESSION_REVOKED, "Unauthorized (client session revoked)");
			case EXPIRED -> throw failure(ErrorTypes.CLIENT_SESSION_EXPIRED, "Unauthorized (client session expired)");
			case LIVE -> {
			}
		}
		return new SeamAuthenticationToken(
				new ClientSessionAuth(session.workspaceId(), session.clientSessionId(), session.userIdentifierKey(),
						session.connectedAccountIds(), session.connectWebviewIds(), session.userIdentityId()));
	}

	private static SeamAuthenticationException failure(String type, String message) {
		return new SeamAuthenticationException(AuthMethod.CLIENT_SESSION, ApiException.unauthorized(type, message));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SeamAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
