package dev.emulator.seam.connectedaccount;

/**
 * Published inside the transaction that deletes an account, so that whoever holds it
 * (client sessions) lets go of it in the same transaction.
 */
public record ConnectedAccountDeleted(String workspaceId, String connectedAccountId) {
}
