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

import dev.emulator.seam.support.Sql;
import dev.emulator.seam.support.SqlArrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of Connect Webviews: one row-to-view mapping. Every query starts with
 * the workspace, so another workspace's webview is never found (the one exception is the
 * webview's page, which the id alone opens), and names only the filters given. Writes go
 * through {@link ConnectWebviewRepository}.
 */
@Repository
class ConnectWebviewReads {

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	ConnectWebviewReads(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
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
	 * One page of /connect_webviews/list, oldest first, {@code limit + 1} rows after the
	 * cursor position.
	 * @param onlyIds when not null, the webviews the caller may see (a client session's);
	 * others are never returned
	 */
	List<ConnectWebviewView> search(String workspaceId, Set<String> onlyIds, ConnectWebviewParams.ListFilter filter) {
		StringBuilder sql = new StringBuilder("select * from connect_webviews\nwhere workspace_id = :workspaceId\n");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (onlyIds != null) {
			sql.append("and connect_webview_id = any(:onlyIds)\n");
			params.put("onlyIds", onlyIds.toArray(String[]::new));
		}
		if (filter.customerKey() != null) {
			sql.append("and customer_key = :customerKey\n");
			params.put("customerKey", filter.customerKey());
		}
		if (filter.search() != null) {
			sql.append("""
					and (connect_webview_id ilike :pattern or customer_key ilike :pattern
					     or selected_provider ilike :pattern or custom_metadata::text ilike :pattern)
					""");
			params.put("pattern", Sql.containsPattern(filter.search()));
		}
		if (filter.page().afterCreatedAt() != null) {
			sql.append("and (created_at, connect_webview_id) > (:afterCreatedAt, :afterId)\n");
			params.put("afterCreatedAt", Timestamp.from(filter.page().afterCreatedAt()));
			params.put("afterId", filter.page().afterId());
		}
		int index = 0;
		for (Map.Entry<String, String> entry : filter.customMetadataHas().entrySet()) {
			// ->> renders a boolean as true/false, so one text comparison matches both
			// kinds of value.
			sql.append("and custom_metadata ->> :metadataKey")
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
