package dev.emulator.seam.connectwebview;

/**
 * Published inside the transaction that creates a webview.
 *
 * @param clientSessionId the session whose token created it; {@code null} for an API key
 * or personal access token
 */
public record ConnectWebviewCreated(String workspaceId, String connectWebviewId, String clientSessionId) {
}
