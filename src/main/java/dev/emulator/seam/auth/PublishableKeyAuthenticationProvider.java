package dev.emulator.seam.auth;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.auth.CredentialStore.PublishableKeyWorkspace;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks a publishable key (BEHAVIOUR 2.3): a user identifier key is required (401
 * {@code publishable_key_requires_user_identifier_key}), the key must name a workspace
 * (401 {@code workspace_not_found}) whose publishable key auth is enabled (401
 * {@code unauthorized}).
 */
final class PublishableKeyAuthenticationProvider implements AuthenticationProvider {

	private final CredentialStore.ClientSessions sessions;

	PublishableKeyAuthenticationProvider(CredentialStore.ClientSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		SeamAuthenticationToken request = (SeamAuthenticationToken) authentication;
		if (request.getMethod() != AuthMethod.PUBLISHABLE_KEY) {
			return null;
		}
		String userIdentifierKey = request.getQualifier();
		if (userIdentifierKey == null) {
			throw failure(ErrorTypes.PUBLISHABLE_KEY_REQUIRES_USER_IDENTIFIER_KEY,
					"user_identifier_key is required with publishable_key");
		}
		// One statement: the key, its workspace and the user's session there (kept for
		// this request, BEHAVIOUR 3.9).
		PublishableKeyWorkspace workspace = this.sessions
			.findByPublishableKey(request.getCredentials(), userIdentifierKey)
			.orElseThrow(() -> failure(ErrorTypes.WORKSPACE_NOT_FOUND,
					"Cannot find workspace associated with this publishable_key"));
		if (!workspace.publishableKeyAuthEnabled()) {
			throw failure(ErrorTypes.UNAUTHORIZED, "Publishable key authentication is disabled for this workspace");
		}
		return new SeamAuthenticationToken(new PublishableKeyAuth(workspace.workspaceId(), userIdentifierKey));
	}

	private static SeamAuthenticationException failure(String type, String message) {
		return new SeamAuthenticationException(AuthMethod.PUBLISHABLE_KEY, ApiException.unauthorized(type, message));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return SeamAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
