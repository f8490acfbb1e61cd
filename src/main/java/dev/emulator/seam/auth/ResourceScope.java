package dev.emulator.seam.auth;

import java.util.List;
import java.util.Set;

/**
 * What a caller may see of a workspace (BEHAVIOUR 4): everything (an API key or personal
 * access token), or only what one client session owns (its token, or an API key passing
 * that user's {@code user_identifier_key}). Read routes filter with it; nothing outside
 * it is ever returned.
 *
 * @param restricted whether the caller is limited to a session's resources
 * @param clientSessionId the session whose resources these are; null when unrestricted or
 * no session matched
 */
public record ResourceScope(String workspaceId, boolean restricted, Set<String> connectedAccountIds,
		Set<String> connectWebviewIds, String userIdentityId, String clientSessionId) {

	public ResourceScope {
		connectedAccountIds = Set.copyOf(connectedAccountIds);
		connectWebviewIds = Set.copyOf(connectWebviewIds);
	}

	static ResourceScope wholeWorkspace(String workspaceId) {
		return new ResourceScope(workspaceId, false, Set.of(), Set.of(), null, null);
	}

	static ResourceScope nothing(String workspaceId) {
		return new ResourceScope(workspaceId, true, Set.of(), Set.of(), null, null);
	}

	static ResourceScope ofSession(String workspaceId, String clientSessionId, List<String> accounts,
			List<String> webviews, String userIdentityId) {
		return new ResourceScope(workspaceId, true, Set.copyOf(accounts), Set.copyOf(webviews), userIdentityId,
				clientSessionId);
	}

	public boolean canSeeConnectedAccount(String connectedAccountId) {
		return !this.restricted || this.connectedAccountIds.contains(connectedAccountId);
	}

	public boolean canSeeConnectWebview(String connectWebviewId) {
		return !this.restricted || this.connectWebviewIds.contains(connectWebviewId);
	}

	public boolean canSeeUserIdentity(String userIdentityId) {
		return !this.restricted || (this.userIdentityId != null && this.userIdentityId.equals(userIdentityId));
	}

	public boolean canSeeClientSession(String id) {
		return !this.restricted || (this.clientSessionId != null && this.clientSessionId.equals(id));
	}

}
