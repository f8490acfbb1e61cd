package dev.emulator.seam.clientsession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps sessions in step with the resources they hold (CONTRACT 4.4). Each method is one indexed UPDATE over the
 * workspace's sessions, run inside the caller's transaction, so that the change and its effect on sessions commit
 * together.
 */
@Component
public class ClientSessionSync {

	private final JdbcClient jdbc;

	ClientSessionSync(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A webview was authorized with an account: every session holding the webview gains the account. */
	@Transactional
	public int connectedAccountAuthorized(String workspaceId, String connectWebviewId, String connectedAccountId) {
		return this.jdbc.sql("""
				update client_sessions
				set connected_account_ids = connected_account_ids || array[cast(:accountId as text)]
				where workspace_id = :workspaceId
				  and connect_webview_ids @> array[cast(:webviewId as text)]
				  and not connected_account_ids @> array[cast(:accountId as text)]""")
			.param("workspaceId", workspaceId)
			.param("webviewId", connectWebviewId)
			.param("accountId", connectedAccountId)
			.update();
	}

	/** A connected account was deleted: no session holds it any more. */
	@Transactional
	public int connectedAccountDeleted(String workspaceId, String connectedAccountId) {
		return this.jdbc.sql("""
				update client_sessions
				set connected_account_ids = array_remove(connected_account_ids, cast(:accountId as text))
				where workspace_id = :workspaceId and connected_account_ids @> array[cast(:accountId as text)]""")
			.param("workspaceId", workspaceId)
			.param("accountId", connectedAccountId)
			.update();
	}

	/** A session created a webview (with its own token): the session holds it from now on. */
	@Transactional
	public void connectWebviewCreated(String workspaceId, String clientSessionId, String connectWebviewId) {
		this.jdbc.sql("""
				update client_sessions
				set connect_webview_ids = connect_webview_ids || array[cast(:webviewId as text)]
				where workspace_id = :workspaceId and client_session_id = :sessionId
				  and not connect_webview_ids @> array[cast(:webviewId as text)]""")
			.param("workspaceId", workspaceId)
			.param("sessionId", clientSessionId)
			.param("webviewId", connectWebviewId)
			.update();
	}

}
