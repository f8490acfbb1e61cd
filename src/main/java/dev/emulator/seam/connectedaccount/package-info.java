/**
 * Connected accounts: {@code /connected_accounts/list}, {@code /get} and {@code /delete}
 * (BEHAVIOUR 6.3, 4.4). A client session sees only the accounts it owns; deleting an
 * account takes its devices with it and takes it out of every session, in one
 * transaction.
 */
package dev.emulator.seam.connectedaccount;
