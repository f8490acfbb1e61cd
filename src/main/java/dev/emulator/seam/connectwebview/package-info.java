/**
 * Connect Webviews. For now only what client sessions need: which connected account an authorized webview brought
 * in (a session granted the webview gains that account, CONTRACT 3.5 and 4.4).
 */
package dev.emulator.seam.connectwebview;
