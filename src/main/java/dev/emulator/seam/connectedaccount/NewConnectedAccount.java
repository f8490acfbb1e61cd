package dev.emulator.seam.connectedaccount;

import java.util.List;
import java.util.Map;

/**
 * What another feature asks for when it connects an account (the sandbox's Connect
 * Webview completion).
 *
 * @param userIdentifier e.g. {@code {"email": ...}}
 * @param customMetadata string or boolean values
 */
public record NewConnectedAccount(String connectedAccountId, String provider, String accountTypeDisplayName,
		String displayName, Map<String, Object> userIdentifier, Map<String, Object> customMetadata,
		boolean automaticallyManageNewDevices, List<String> acceptedCapabilities, String customerKey) {

	public NewConnectedAccount {
		userIdentifier = Map.copyOf(userIdentifier);
		customMetadata = Map.copyOf(customMetadata);
		acceptedCapabilities = List.copyOf(acceptedCapabilities);
	}

}
