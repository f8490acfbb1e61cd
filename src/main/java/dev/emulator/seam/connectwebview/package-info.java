/**
 * Connect Webviews: {@code /connect_webviews/create}, {@code /get} and {@code /list},
 * scoped to a client session's webviews when called with its token (BEHAVIOUR 4.5); the
 * sandbox route that completes a webview the way a user would, connecting an account with
 * devices to every session holding it (BEHAVIOUR 4.8); and which connected account an
 * authorized webview brought in (a session granted the webview gains that account,
 * BEHAVIOUR 3.11).
 */
package dev.emulator.seam.connectwebview;
