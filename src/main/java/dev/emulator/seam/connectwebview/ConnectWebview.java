package dev.emulator.seam.connectwebview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.emulator.seam.support.AssignedIdEntity;

/**
 * A Connect Webview, as written; reads for the routes go through
 * {@link ConnectWebviewReads}. Its custom metadata is kept as the JSON text it is stored
 * as.
 */
@Entity
@Table(name = "connect_webviews")
class ConnectWebview extends AssignedIdEntity {

	static final String PENDING = "pending";

	static final String AUTHORIZED = "authorized";

	@Id
	@Column(name = "connect_webview_id")
	private String id;

	private String workspaceId;

	private String connectedAccountId;

	private String url;

	private String deviceSelectionMode;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> acceptedProviders = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> acceptedCapabilities = new ArrayList<>();

	private boolean anyProviderAllowed;

	private boolean anyDeviceAllowed;

	private boolean loginSuccessful;

	private String status;

	private String customRedirectUrl;

	private String customRedirectFailureUrl;

	@JdbcTypeCode(SqlTypes.JSON)
	private String customMetadata;

	private boolean automaticallyManageNewDevices;

	private boolean waitForDeviceCreation;

	private Instant authorizedAt;

	private String selectedProvider;

	private String customerKey;

	private Instant createdAt;

	// The nonce the webview's page puts in its form (see ConnectWebviewPageController).
	private String pageNonce;

	protected ConnectWebview() {
	}

	/** A pending webview, with nothing selected or allowed beyond what was asked for. */
	static ConnectWebview create(String id, String workspaceId, String url, ConnectWebviewParams.Create params,
			String customMetadataJson, Instant now) {
		ConnectWebview webview = new ConnectWebview();
		webview.id = id;
		webview.workspaceId = workspaceId;
		webview.url = url;
		webview.deviceSelectionMode = params.deviceSelectionMode();
		webview.acceptedProviders = new ArrayList<>(params.acceptedProviders());
		webview.acceptedCapabilities = new ArrayList<>(params.acceptedCapabilities());
		webview.status = PENDING;
		webview.customRedirectUrl = params.customRedirectUrl();
		webview.customRedirectFailureUrl = params.customRedirectFailureUrl();
		webview.customMetadata = customMetadataJson;
		webview.automaticallyManageNewDevices = params.automaticallyManageNewDevices();
		webview.waitForDeviceCreation = params.waitForDeviceCreation();
		webview.customerKey = params.customerKey();
		webview.createdAt = now;
		return webview;
	}

	/** The user logged in to {@code provider} and connected this account. */
	void authorize(String connectedAccountId, String provider, Instant now) {
		this.status = AUTHORIZED;
		this.connectedAccountId = connectedAccountId;
		this.loginSuccessful = true;
		this.authorizedAt = now;
		this.selectedProvider = provider;
	}

	/** The page's nonce: {@code candidate} the first time it is asked for, then kept. */
	String pageNonce(String candidate) {
		if (this.pageNonce == null) {
			this.pageNonce = candidate;
		}
		return this.pageNonce;
	}

	@Override
	public String getId() {
		return this.id;
	}

}
