package dev.emulator.seam.connectwebview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The public {@code connect_webview} object (BEHAVIOUR 6.4): every required member always
 * present, the nullable ones as null; {@code customer_key} (optional in OAS) omitted when
 * unset. {@code accepted_devices} and {@code any_device_allowed} are deprecated and
 * unused in Seam; they are emitted as {@code []} and the stored flag.
 */
record ConnectWebviewView(String connectWebviewId, String workspaceId, Instant createdAt, String connectedAccountId,
		String url, String deviceSelectionMode, List<String> acceptedProviders, List<String> acceptedCapabilities,
		List<String> acceptedDevices, boolean anyDeviceAllowed, boolean anyProviderAllowed, boolean loginSuccessful,
		String status, String customRedirectUrl, String customRedirectFailureUrl, Map<String, Object> customMetadata,
		boolean automaticallyManageNewDevices, boolean waitForDeviceCreation, Instant authorizedAt,
		String selectedProvider, @JsonInclude(JsonInclude.Include.NON_NULL) String customerKey) {

	ConnectWebviewView {
		acceptedProviders = List.copyOf(acceptedProviders);
		acceptedCapabilities = List.copyOf(acceptedCapabilities);
		acceptedDevices = List.copyOf(acceptedDevices);
	}

}
