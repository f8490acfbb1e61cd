package dev.emulator.seam.clientsession;

import java.util.List;

/**
 * What a new session is created with, after validation and with the caller's identity
 * resolved.
 */
record NewClientSession(String userIdentifierKey, List<String> connectedAccountIds, List<String> connectWebviewIds,
		String userIdentityId, String customerKey, String customerId, String createdVia, String apiKeyId) {
}
