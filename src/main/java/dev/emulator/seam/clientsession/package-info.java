/**
 * Client sessions: the seven {@code /client_sessions/*} routes (BEHAVIOUR 3).
 * {@link dev.emulator.seam.clientsession.ClientSessionService} holds the rules; the
 * controller only maps HTTP to it.
 */
package dev.emulator.seam.clientsession;
