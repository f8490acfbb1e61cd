/**
 * Connect Webviews: {@code /connect_webviews/create}, {@code /get} and {@code /list}, scoped to a client session's
 * webviews when called with its token (CONTRACT 4.3); the sandbox route that completes a webview the way a user
 * would, connecting an account with devices to every session holding it (4.4); and which connected account an
 * authorized webview brought in (a session granted the webview gains that account, 3.5).
 */
package dev.emulator.seam.connectwebview;
