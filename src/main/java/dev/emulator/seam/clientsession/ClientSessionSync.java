package dev.emulator.seam.clientsession;

import dev.emulator.seam.connectedaccount.ConnectedAccountDeleted;
import dev.emulator.seam.connectwebview.ConnectWebviewAuthorized;
import dev.emulator.seam.connectwebview.ConnectWebviewCreated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps sessions in step with the resources they hold (BEHAVIOUR 4.8). The listeners run
 * synchronously inside the publisher's transaction, so that a change and its effect on
 * sessions commit together or not at all.
 */
@Component
class ClientSessionSync {

	private final ClientSessionRepository sessions;

	ClientSessionSync(ClientSessionRepository sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void on(ConnectWebviewAuthorized authorized) {
		this.sessions.grantAccountToHoldersOfWebview(authorized.workspaceId(), authorized.connectWebviewId(),
				authorized.connectedAccountId());
	}

	@EventListener
	void on(ConnectWebviewCreated created) {
		if (created.clientSessionId() != null) {
			this.sessions.addWebview(created.workspaceId(), created.clientSessionId(), created.connectWebviewId());
		}
	}

	@EventListener
	void on(ConnectedAccountDeleted deleted) {
		this.sessions.removeAccountFromAll(deleted.workspaceId(), deleted.connectedAccountId());
	}

}
