/**
 * User identities: the application users a workspace knows of
 * ({@code /user_identities/create}, {@code /get}, {@code /list}). A client session may be
 * linked to one, and then lists only that one (BEHAVIOUR 4.1, 4.7).
 */
package dev.emulator.seam.useridentity;
