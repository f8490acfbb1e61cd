package dev.emulator.seam.connectwebview;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.connectedaccount.ConnectedAccountService;
import dev.emulator.seam.connectedaccount.NewConnectedAccount;
import dev.emulator.seam.device.DeviceService;
import dev.emulator.seam.device.NewDevice;
import dev.emulator.seam.event.EventLog;
import dev.emulator.seam.event.EventLog.NewEvent;
import dev.emulator.seam.support.Secrets;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plays the user who finishes a Connect Webview, which on Seam happens in the provider's
 * login page: a connected account with its devices appears, the webview becomes
 * authorized, the events Seam sends for it are recorded, and every client session holding
 * the webview gains the account (BEHAVIOUR 4.8). All in one transaction.
 * <p>
 * The account and its devices are created through their features' APIs; sessions learn of
 * the account from the {@link ConnectWebviewAuthorized} event published here.
 */
@Service
class ConnectWebviewSandbox {

	// The lock providers with a lock device type of their own in Seam's device_type enum.
	private static final Set<String> LOCK_PROVIDERS = Set.of("august", "schlage", "yale");

	private static final Map<String, String> PROVIDER_NAMES = Map.of("august", "August", "schlage", "Schlage", "yale",
			"Yale");

	private final ConnectWebviewRepository webviews;

	private final ConnectWebviewReads reads;

	private final ConnectedAccountService accounts;

	private final DeviceService devices;

	private final EventLog events;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	ConnectWebviewSandbox(ConnectWebviewRepository webviews, ConnectWebviewReads reads,
			ConnectedAccountService accounts, DeviceService devices, EventLog events,
			ApplicationEventPublisher publisher, Clock clock) {
		this.webviews = webviews;
		this.reads = reads;
		this.accounts = accounts;
		this.devices = devices;
		this.events = events;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Completes the webview. An already authorized webview is returned as it is, with its
	 * account and nothing new created: completing is idempotent, so a retried request
	 * (the SDKs retry) cannot connect a second account. 404
	 * {@code connect_webview_not_found} for a webview not in the caller's workspace; 400
	 * {@code invalid_input} for a provider the webview does not accept.
	 */
	@Transactional
	public Completion complete(AuthContext auth, ConnectWebviewParams.Complete params) {
		return complete(auth.workspaceId(), params);
	}

	/**
	 * As {@link #complete(AuthContext, ConnectWebviewParams.Complete)}, in the given
	 * workspace (the webview page).
	 */
	@Transactional
	Completion complete(String workspaceId, ConnectWebviewParams.Complete params) {
		// Locked until the transaction ends: completing it twice at once must not connect
		// two accounts.
		ConnectWebview locked = this.webviews.findByWorkspaceIdAndIdForUpdate(workspaceId, params.connectWebviewId())
			.orElseThrow(
					() -> ApiException.notFound(ErrorTypes.CONNECT_WEBVIEW_NOT_FOUND, "Connect webview not found"));
		ConnectWebviewView webview = this.reads.find(workspaceId, locked.getId()).orElseThrow();
		if ("authorized".equals(webview.status()) && webview.connectedAccountId() != null) {
			return new Completion(webview, webview.connectedAccountId(),
					this.devices.deviceIdsOfAccount(workspaceId, webview.connectedAccountId()));
		}
		String provider = provider(webview, params.provider());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String accountId = Secrets.newId();
		String email = (params.email() != null) ? params.email()
				: provider + "-user-" + accountId.substring(0, 8) + "@example.com";
		insertConnectedAccount(workspaceId, accountId, provider, email, webview, now);
		List<String> deviceIds = new ArrayList<>();
		for (int i = 1; i <= params.deviceCount(); i++) {
			// One millisecond apart, so that the devices list in the order they were
			// made.
			deviceIds.add(insertDevice(workspaceId, accountId, provider, i, webview.automaticallyManageNewDevices(),
					now.plusMillis(i)));
		}
		locked.authorize(accountId, provider, now);
		this.webviews.flush();
		recordEvents(workspaceId, webview, accountId, deviceIds, now);
		this.publisher.publishEvent(new ConnectWebviewAuthorized(workspaceId, webview.connectWebviewId(), accountId));
		return new Completion(this.reads.find(workspaceId, webview.connectWebviewId()).orElseThrow(), accountId,
				List.copyOf(deviceIds));
	}

	/**
	 * The chosen provider, else the webview's first accepted one, else august; it must be
	 * one the webview accepts.
	 */
	private static String provider(ConnectWebviewView webview, String requested) {
		List<String> accepted = webview.acceptedProviders();
		if (requested == null) {
			return accepted.isEmpty() ? ConnectWebviewParams.DEFAULT_PROVIDER : accepted.get(0);
		}
		if (!accepted.isEmpty() && !accepted.contains(requested) && !webview.anyProviderAllowed()) {
			throw ApiException.invalidInput("provider is not accepted by this connect webview",
					Map.of("_errors", List.of(), "provider",
							Map.of("_errors", List.of("Not one of the connect webview's accepted_providers"))));
		}
		return requested;
	}

	private void insertConnectedAccount(String workspaceId, String accountId, String provider, String email,
			ConnectWebviewView webview, Instant now) {
		// A webview's custom_metadata, automatically_manage_new_devices,
		// accepted_capabilities and customer_key carry over to the account it connects,
		// as on Seam.
		this.accounts.connect(workspaceId,
				new NewConnectedAccount(accountId, provider, providerName(provider), email, Map.of("email", email),
						webview.customMetadata(), webview.automaticallyManageNewDevices(),
						webview.acceptedCapabilities(), webview.customerKey()),
				now);
	}

	/**
	 * A lock, shaped like the seed's locks (BEHAVIOUR 6.6: the properties every device
	 * has, plus lock members).
	 */
	private String insertDevice(String workspaceId, String accountId, String provider, int number, boolean managed,
			Instant createdAt) {
		String deviceId = Secrets.newId();
		String lockProvider = LOCK_PROVIDERS.contains(provider) ? provider : "august";
		String name = providerName(lockProvider) + " Lock " + number;
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("online", true);
		properties.put("name", name);
		properties.put("appearance", Map.of("name", name));
		// The model's own name, without the manufacturer: clients show the two side by
		// side (BEHAVIOUR 6.6).
		properties.put("model",
				Map.of("display_name", "Smart Lock", "manufacturer_display_name", providerName(lockProvider)));
		properties.put("manufacturer", lockProvider);
		properties.put("locked", true);
		properties.put("battery", Map.of("level", 1, "status", "full"));
		properties.put("battery_level", 1);
		Map<String, Object> attributes = Map.of("can_remotely_lock", true, "can_remotely_unlock", true,
				"can_program_online_access_codes", true);
		// OAS: display_name defaults to the nickname, else properties.appearance.name.
		this.devices.add(workspaceId, new NewDevice(deviceId, accountId, lockProvider + "_lock", name, managed,
				List.of("lock", "access_code"), properties, attributes, createdAt));
		return deviceId;
	}

	/**
	 * The events Seam sends when a webview login succeeds (BEHAVIOUR 6.7). They are one
	 * millisecond apart so that /events/list, which orders by occurred_at, shows them in
	 * the order they happened.
	 */
	private void recordEvents(String workspaceId, ConnectWebviewView webview, String accountId, List<String> deviceIds,
			Instant now) {
		Map<String, Object> accountMembers = new LinkedHashMap<>();
		if (!webview.customMetadata().isEmpty()) {
			accountMembers.put("connected_account_custom_metadata", webview.customMetadata());
		}
		if (webview.customerKey() != null) {
			accountMembers.put("customer_key", webview.customerKey());
		}
		this.events.append(workspaceId,
				new NewEvent("connect_webview.login_succeeded", "A Connect Webview login succeeded.", null, accountId,
						webview.connectWebviewId(), null, accountMembers),
				now);
		this.events.append(workspaceId, new NewEvent("connected_account.connected",
				"A connected account was connected for the first time or was reconnected after being disconnected.",
				null, accountId, webview.connectWebviewId(), null, accountMembers), now.plusMillis(1));
		for (int i = 0; i < deviceIds.size(); i++) {
			// Devices arriving unmanaged are reported as such (OAS
			// device.unmanaged.connected).
			String type = webview.automaticallyManageNewDevices() ? "device.connected" : "device.unmanaged.connected";
			this.events.append(workspaceId, new NewEvent(type, "A new device has been connected to Seam",
					deviceIds.get(i), accountId, null, null, accountMembers), now.plusMillis(2 + i));
		}
	}

	private static String providerName(String provider) {
		String known = PROVIDER_NAMES.get(provider);
		if (known != null) {
			return known;
		}
		return provider.isEmpty() ? provider : Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
	}

	/** What completing a webview produced. */
	record Completion(ConnectWebviewView connectWebview, String connectedAccountId, List<String> deviceIds) {
	}

}
