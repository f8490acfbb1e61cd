package dev.emulator.seam.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.devicedb.DeviceImages;
import dev.emulator.seam.support.SqlArrays;
import dev.emulator.seam.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads managed devices. Every query starts with the workspace and takes the set of
 * connected accounts the caller is limited to ({@code null} when the caller sees the
 * whole workspace), so nothing outside the caller's scope is read.
 */
@Repository
class DeviceReads {

	// Members of the device object this server computes itself; a stored attribute of the
	// same name never replaces them.
	private static final Set<String> CORE_MEMBERS = Set.of("device_id", "device_type", "display_name", "nickname",
			"connected_account_id", "workspace_id", "created_at", "is_managed", "capabilities_supported", "properties",
			"errors", "warnings", "custom_metadata", "space_ids");

	// How PostgreSQL writes an empty jsonb object as text.
	private static final String EMPTY_OBJECT = "{}";

	// Also what a device's picture needs (BEHAVIOUR 6.6): whether the stored properties
	// hold an image_url already, and the model's names for the alt text.
	private static final String COLUMNS = """
			select device_id, workspace_id, connected_account_id, device_type, display_name, nickname, is_managed,
			       capabilities_supported, properties::text as properties, attributes::text as attributes,
			       custom_metadata::text as custom_metadata, created_at,
			       properties -> 'image_url' is not null as has_image_url,
			       properties #>> '{model,manufacturer_display_name}' as model_manufacturer,
			       properties #>> '{model,display_name}' as model_name
			from devices
			""";

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final DeviceImages images;

	DeviceReads(JdbcClient jdbc, JsonMapper jsonMapper, DeviceImages images) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.images = images;
	}

	/**
	 * The workspace's managed device with this id, as the features that act on devices
	 * need it.
	 */
	Optional<DeviceRef> refById(String workspaceId, String deviceId) {
		return this.jdbc.sql("""
				select device_id, workspace_id, connected_account_id, device_type, properties::text as properties,
				       attributes::text as attributes
				from devices
				where workspace_id = :workspaceId and device_id = :deviceId and is_managed
				""")
			.param("workspaceId", workspaceId)
			.param("deviceId", deviceId)
			.query((rs, rowNum) -> new DeviceRef(rs.getString("device_id"), rs.getString("workspace_id"),
					rs.getString("connected_account_id"), rs.getString("device_type"),
					this.jsonMapper.readTree(rs.getString("properties")),
					this.jsonMapper.readTree(rs.getString("attributes"))))
			.optional();
	}

	/** The ids of the account's devices, managed or not, oldest first. */
	List<String> idsOfAccount(String workspaceId, String connectedAccountId) {
		return this.jdbc.sql("""
				select device_id from devices
				where workspace_id = :workspaceId and connected_account_id = :accountId
				order by created_at, device_id""")
			.param("workspaceId", workspaceId)
			.param("accountId", connectedAccountId)
			.query(String.class)
			.list();
	}

	/**
	 * One page of the workspace's managed devices matching every given filter, ordered by
	 * {@code (created_at,
	 * device_id)}: {@code page.limit() + 1} rows at most, after the page's cursor
	 * position.
	 */
	List<DeviceView> search(String workspaceId, Set<String> visibleAccountIds, DeviceFilter filter,
			Paging.Request page) {
		StringBuilder sql = new StringBuilder(COLUMNS).append("where workspace_id = :workspaceId and is_managed\n");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (visibleAccountIds != null) {
			sql.append("and connected_account_id = any(:visibleAccountIds)\n");
			params.put("visibleAccountIds", visibleAccountIds.toArray(String[]::new));
		}
		// A filter given as an empty array matches nothing, as in Seam's fake (an empty
		// array is still a filter).
		if (filter.deviceIds() != null) {
			sql.append("and device_id = any(:deviceIds)\n");
			params.put("deviceIds", filter.deviceIds().toArray(String[]::new));
		}
		if (filter.connectedAccountId() != null) {
			sql.append("and connected_account_id = :connectedAccountId\n");
			params.put("connectedAccountId", filter.connectedAccountId());
		}
		if (filter.connectedAccountIds() != null) {
			sql.append("and connected_account_id = any(:connectedAccountIds)\n");
			params.put("connectedAccountIds", filter.connectedAccountIds().toArray(String[]::new));
		}
		if (filter.deviceType() != null) {
			sql.append("and device_type = :deviceType\n");
			params.put("deviceType", filter.deviceType());
		}
		if (filter.deviceTypes() != null) {
			sql.append("and device_type = any(:deviceTypes)\n");
			params.put("deviceTypes", filter.deviceTypes().toArray(String[]::new));
		}
		if (filter.manufacturer() != null) {
			sql.append("and properties ->> 'manufacturer' = :manufacturer\n");
			params.put("manufacturer", filter.manufacturer());
		}
		if (filter.createdBefore() != null) {
			sql.append("and created_at < :createdBefore\n");
			params.put("createdBefore", OffsetDateTime.ofInstant(filter.createdBefore(), ZoneOffset.UTC));
		}
		if (filter.connectWebviewId() != null) {
			sql.append("and connected_account_id in (select connected_account_id from connect_webviews\n")
				.append("  where workspace_id = :workspaceId and connect_webview_id = :connectWebviewId)\n");
			params.put("connectWebviewId", filter.connectWebviewId());
		}
		if (filter.customerKey() != null) {
			sql.append("and connected_account_id in (select connected_account_id from connected_accounts\n")
				.append("  where workspace_id = :workspaceId and customer_key = :customerKey)\n");
			params.put("customerKey", filter.customerKey());
		}
		if (filter.customMetadataHas() != null) {
			int index = 0;
			for (Map.Entry<String, String> entry : filter.customMetadataHas().entrySet()) {
				// ->> renders a boolean as true/false, so one text comparison matches
				// both kinds of value.
				sql.append("and custom_metadata ->> :metadataKey")
					.append(index)
					.append(" = :metadataValue")
					.append(index)
					.append('\n');
				params.put("metadataKey" + index, entry.getKey());
				params.put("metadataValue" + index, entry.getValue());
				index++;
			}
		}
		appendCapabilities(sql, params, filter.includeIf(), "include", true);
		appendCapabilities(sql, params, filter.excludeIf(), "exclude", false);
		if (filter.search() != null) {
			sql.append("and (device_id ilike :pattern or coalesce(nickname, display_name) ilike :pattern\n")
				.append("  or properties ->> 'name' ilike :pattern or properties ->> 'manufacturer' ilike :pattern)\n");
			params.put("pattern", "%" + escapeLike(filter.search()) + "%");
		}
		if (filter.spaceId() != null) {
			// Devices belong to no space on this server (space_ids is always empty), so a
			// space matches none.
			sql.append("and false\n");
		}
		if (page.afterId() != null) {
			sql.append("and (created_at, device_id) > (:afterCreatedAt, :afterId)\n");
			params.put("afterCreatedAt", OffsetDateTime.ofInstant(page.afterCreatedAt(), ZoneOffset.UTC));
			params.put("afterId", page.afterId());
		}
		sql.append("order by created_at, device_id\nlimit :limit");
		params.put("limit", page.limit() + 1);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	private static void appendCapabilities(StringBuilder sql, Map<String, Object> params, List<String> flags,
			String prefix, boolean wanted) {
		if (flags == null) {
			return;
		}
		int index = 0;
		for (String flag : flags) {
			String name = prefix + index++;
			String has = "(coalesce(attributes -> :" + name + " = 'true'::jsonb, false)"
					+ " or coalesce(properties -> :" + name + " = 'true'::jsonb, false))";
			sql.append(wanted ? "and " : "and not ").append(has).append('\n');
			params.put(name, flag);
		}
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Every managed device of the workspace, oldest first, whoever may see them. */
	List<DeviceView> all(String workspaceId) {
		return this.jdbc
			.sql(COLUMNS + "where workspace_id = :workspaceId and is_managed\norder by created_at, device_id")
			.param("workspaceId", workspaceId)
			.query(this::map)
			.list();
	}

	/**
	 * The workspace's managed devices with this id and/or {@code properties.name}
	 * (whichever are given), oldest first, whoever may see them: the caller tells "not
	 * found" from "not yours".
	 */
	List<DeviceView> findByIdOrName(String workspaceId, String deviceId, String name) {
		StringBuilder sql = new StringBuilder(COLUMNS).append("where workspace_id = :workspaceId and is_managed\n");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (deviceId != null) {
			sql.append("and device_id = :deviceId\n");
			params.put("deviceId", deviceId);
		}
		if (name != null) {
			// Seam's fake matches the deprecated properties.name, not display_name.
			sql.append("and properties ->> 'name' = :name\n");
			params.put("name", name);
		}
		sql.append("order by created_at, device_id");
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	private DeviceView map(ResultSet rs, int rowNum) throws SQLException {
		String nickname = rs.getString("nickname");
		Map<String, JsonNode> attributes = new LinkedHashMap<>();
		String storedAttributes = rs.getString("attributes");
		if (!EMPTY_OBJECT.equals(storedAttributes)) {
			this.jsonMapper.readTree(storedAttributes).properties().forEach((member) -> {
				if (!CORE_MEMBERS.contains(member.getKey())) {
					attributes.put(member.getKey(), member.getValue());
				}
			});
		}
		// OAS: display_name is the nickname when there is one.
		String displayName = (nickname != null) ? nickname : rs.getString("display_name");
		return new DeviceView(rs.getString("device_id"), rs.getString("device_type"), displayName, nickname,
				rs.getString("connected_account_id"), rs.getString("workspace_id"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("is_managed"),
				SqlArrays.strings(rs, "capabilities_supported"), propertiesWithImage(rs), List.of(), List.of(),
				rs.getString("custom_metadata"), List.of(), attributes);
	}

	/**
	 * The stored properties with {@code image_url} and {@code image_alt_text} first
	 * (BEHAVIOUR 6.6): the picture of the device's type on this server, described by the
	 * model's manufacturer and name, else the provider's name for the device. Spliced
	 * into the stored text rather than parsed and written again (see BENCHMARKS.md); a
	 * stored {@code image_url} is left as it is.
	 */
	private String propertiesWithImage(ResultSet rs) throws SQLException {
		String stored = rs.getString("properties");
		if (rs.getBoolean("has_image_url") || !stored.startsWith("{")) {
			return stored;
		}
		String model = String.join(" ",
				Stream.of(rs.getString("model_manufacturer"), rs.getString("model_name"))
					.filter((part) -> part != null && !part.isBlank())
					.toList());
		String altText = model.isEmpty() ? rs.getString("display_name") : model;
		StringBuilder json = new StringBuilder(stored.length() + 192).append("{\"image_url\": ")
			.append(this.jsonMapper.writeValueAsString(this.images.url(rs.getString("device_type"))))
			.append(", \"image_alt_text\": ")
			.append(this.jsonMapper.writeValueAsString(altText));
		return EMPTY_OBJECT.equals(stored) ? json.append('}').toString()
				: json.append(", ").append(stored, 1, stored.length()).toString();
	}

}
