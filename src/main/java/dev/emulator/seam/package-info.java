/**
 * A Seam-compatible client session server: Seam's {@code /client_sessions/*} API and the
 * token-scoped reads around it, persisted in PostgreSQL. Features live in their own
 * packages ({@code clientsession}, {@code workspace}, {@code device}, {@code event},
 * {@code seed}); HTTP plumbing shared by all of them is in {@code web} and authentication
 * in {@code auth}.
 */
package dev.emulator.seam;
