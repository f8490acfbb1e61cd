package dev.emulator.seam.connectwebview;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/** What other features may learn of webviews: the accounts they connected. */
@Component
public class ConnectWebviewAccounts {

	private final ConnectWebviewRepository webviews;

	ConnectWebviewAccounts(ConnectWebviewRepository webviews) {
		this.webviews = webviews;
	}

	/**
	 * The connected accounts of those of the given webviews that are authorized, in
	 * webview creation order.
	 */
	public List<String> authorizedAccountIds(String workspaceId, Collection<String> connectWebviewIds) {
		if (connectWebviewIds.isEmpty()) {
			return List.of();
		}
		return this.webviews.findAuthorizedAccountIds(workspaceId, connectWebviewIds);
	}

}
