/**
 * Client sessions: the seven {@code /client_sessions/*} routes (CONTRACT 3). {@link
 * dev.emulator.seam.clientsession.ClientSessionService} holds the rules; the controller only maps HTTP to it.
 */
package dev.emulator.seam.clientsession;
