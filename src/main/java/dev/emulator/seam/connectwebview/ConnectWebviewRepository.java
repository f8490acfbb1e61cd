package dev.emulator.seam.connectwebview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.support.SqlArrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Connect Webviews; every query starts with the workspace, so another workspace's webview
 * is never found.
 */
@Repository
class ConnectWebviewRepository {

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	ConnectWebviewRepository(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	void insert(String workspaceId, String id, String url, ConnectWebviewParams.Create params, Instant now) {
		this.jdbc.sql("""
				insert into connect_webviews (connect_webview_id, workspace_id, url, device_selection_mode,
				                              accepted_providers, accepted_capabilities, custom_redirect_url,
				                              custom_redirect_failure_url, custom_metadata,
				                              automatically_manage_new_devices, wait_for_device_creation,
				                              customer_key, created_at)
				values (:id, :workspaceId, :url, :mode, :providers, :capabilities, :redirect, :failureRedirect,
				        cast(:metadata as jsonb), :manage, :wait, :customerKey, :createdAt)
				""")
			.param("id", id)
			.param("workspaceId", workspaceId)
			.param("url", url)
			.param("mode", params.deviceSelectionMode())
			.param("providers", params.acceptedProviders().toArray(String[]::new))
			.param("capabilities", params.acceptedCapabilities().toArray(String[]::new))
			.param("redirect", params.customRedirectUrl())
			.param("failureRedirect", params.customRedirectFailureUrl())
			.param("metadata", this.jsonMapper.writeValueAsString(params.customMetadata()))
			.param("manage", params.automaticallyManageNewDevices())
			.param("wait", params.waitForDeviceCreation())
			.param("customerKey", params.customerKey())
			.param("createdAt", Timestamp.from(now))
			.update();
	}

	Optional<ConnectWebviewView> find(String workspaceId, String id) {
		return this.jdbc.sql("""
				select * from connect_webviews where workspace_id = :workspaceId and connect_webview_id = :id""")
			.param("workspaceId", workspaceId)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * The webview with this id in whichever workspace holds it: for its page, which the
	 * id alone opens.
	 */
	Optional<ConnectWebviewView> findAnywhere(String id) {
		return this.jdbc.sql("select * from connect_webviews where connect_webview_id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/**
	 * The page nonce of the webview, set to {@code candidate} the first time it is asked
	 * for.
	 */
	String pageNonce(String id, String candidate) {
		return this.jdbc.sql("""
				update connect_webviews set page_nonce = coalesce(page_nonce, :candidate)
				where connect_webview_id = :id returning page_nonce""")
			.param("id", id)
			.param("candidate", candidate)
			.query(String.class)
			.single();
	}

	Optional<String> storedPageNonce(String id) {
		return this.jdbc.sql("select page_nonce from connect_webviews where connect_webview_id = :id")
			.param("id", id)
			.query((rs, rowNum) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap((nonce) -> nonce);
	}

	/**
	 * The webview, locked until the transaction ends: completing it twice at once must
	 * not connect two accounts.
	 */
	Optional<ConnectWebviewView> findForUpdate(String workspaceId, String id) {
		return this.jdbc.sql("""
				select * from connect_webviews where workspace_id = :workspaceId and connect_webview_id = :id
				for update""").param("workspaceId", workspaceId).param("id", id).query(this::map).optional();
	}

	void markAuthorized(String workspaceId, String id, String connectedAccountId, String provider, Instant now) {
		this.jdbc.sql("""
				update connect_webviews
				set status = 'authorized', connected_account_id = :accountId, login_successful = true,
				    authorized_at = :now, selected_provider = :provider
				where workspace_id = :workspaceId and connect_webview_id = :id
				""")
			.param("workspaceId", workspaceId)
			.param("id", id)
			.param("accountId", connectedAccountId)
			.param("provider", provider)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * One page of /connect_webviews/list, oldest first, {@code limit + 1} rows after the
	 * cursor position.
	 * @param onlyIds when not null, the webviews the caller may see (a client session's);
	 * others are never returned
	 */
	List<ConnectWebviewView> search(String workspaceId, Set<String> onlyIds, ConnectWebviewParams.ListFilter filter) {
		StringBuilder sql = new StringBuilder("""
				select * from connect_webviews
				where workspace_id = :workspaceId
				  and (cast(:onlyIds as text[]) is null or connect_webview_id = any(cast(:onlyIds as text[])))
				  and (cast(:customerKey as text) is null or customer_key = cast(:customerKey as text))
				  and (cast(:pattern as text) is null
				       or connect_webview_id ilike cast(:pattern as text)
				       or customer_key ilike cast(:pattern as text)
				       or selected_provider ilike cast(:pattern as text)
				       or custom_metadata::text ilike cast(:pattern as text))
				  and (cast(:afterCreatedAt as timestamptz) is null
				       or (created_at, connect_webview_id)
				          > (cast(:afterCreatedAt as timestamptz), cast(:afterId as text)))
				""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		params.put("onlyIds", (onlyIds != null) ? onlyIds.toArray(String[]::new) : null);
		params.put("customerKey", filter.customerKey());
		params.put("pattern", (filter.search() != null) ? "%" + escapeLike(filter.search()) + "%" : null);
		params.put("afterCreatedAt",
				(filter.page().afterCreatedAt() != null) ? Timestamp.from(filter.page().afterCreatedAt()) : null);
		params.put("afterId", filter.page().afterId());
		int index = 0;
		for (Map.Entry<String, String> entry : filter.customMetadataHas().entrySet()) {
			// ->> renders a boolean as true/false, so one text comparison matches both
			// kinds of value.
			sql.append("  and custom_metadata ->> :metadataKey")
				.append(index)
				.append(" = :metadataValue")
				.append(index)
				.append('\n');
			params.put("metadataKey" + index, entry.getKey());
			params.put("metadataValue" + index, entry.getValue());
			index++;
		}
		sql.append("order by created_at, connect_webview_id\nlimit :limit");
		params.put("limit", filter.page().limit() + 1);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private ConnectWebviewView map(ResultSet rs, int rowNum) throws SQLException {
		return new ConnectWebviewView(rs.getString("connect_webview_id"), rs.getString("workspace_id"),
				instant(rs, "created_at"), rs.getString("connected_account_id"), rs.getString("url"),
				rs.getString("device_selection_mode"), SqlArrays.strings(rs, "accepted_providers"),
				SqlArrays.strings(rs, "accepted_capabilities"), List.of(), rs.getBoolean("any_device_allowed"),
				rs.getBoolean("any_provider_allowed"), rs.getBoolean("login_successful"), rs.getString("status"),
				rs.getString("custom_redirect_url"), rs.getString("custom_redirect_failure_url"),
				this.jsonMapper.readValue(rs.getString("custom_metadata"), METADATA),
				rs.getBoolean("automatically_manage_new_devices"), rs.getBoolean("wait_for_device_creation"),
				instant(rs, "authorized_at"), rs.getString("selected_provider"), rs.getString("customer_key"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
