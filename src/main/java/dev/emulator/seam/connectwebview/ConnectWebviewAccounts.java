package dev.emulator.seam.connectwebview;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class ConnectWebviewAccounts {

	private final JdbcClient jdbc;

	ConnectWebviewAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The connected accounts of those of the given webviews that are authorized, in
	 * webview creation order.
	 */
	public List<String> authorizedAccountIds(String workspaceId, Collection<String> connectWebviewIds) {
		if (connectWebviewIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select connected_account_id
				from connect_webviews
				where workspace_id = :workspaceId and connect_webview_id = any(:webviewIds)
				  and status = 'authorized' and connected_account_id is not null
				order by created_at, connect_webview_id
				""")
			.param("workspaceId", workspaceId)
			.param("webviewIds", connectWebviewIds.toArray(String[]::new))
			.query(String.class)
			.list();
	}

}
