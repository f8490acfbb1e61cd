package dev.emulator.seam.connectwebview;

/**
 * Published inside the transaction that authorizes a webview with the account it
 * connected, so that whoever holds the webview (client sessions) can gain the account in
 * the same transaction.
 */
public record ConnectWebviewAuthorized(String workspaceId, String connectWebviewId, String connectedAccountId) {
}
