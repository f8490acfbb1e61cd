package dev.emulator.seam.connectedaccount;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.support.SqlArrays;
import dev.emulator.seam.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of connected accounts: one statement per read, one row-to-view mapping.
 * Every query starts with the workspace; list queries also take the accounts the caller
 * is limited to ({@code null} when it sees the whole workspace). Writes go through
 * {@link ConnectedAccountRepository}.
 */
@Repository
class ConnectedAccountReads {

	private static final String COLUMNS = """
			select connected_account_id, workspace_id, provider, account_type_display_name, display_name,
			       user_identifier::text as user_identifier, custom_metadata::text as custom_metadata,
			       automatically_manage_new_devices, accepted_capabilities, customer_key, created_at
			from connected_accounts
			""";

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	ConnectedAccountReads(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * One page of the workspace's accounts, ordered by
	 * {@code (created_at, connected_account_id)}: {@code page.limit() + 1} rows at most,
	 * after the page's cursor position.
	 */
	List<ConnectedAccountView> search(String workspaceId, Set<String> visibleAccountIds, String customerKey,
			Paging.Request page) {
		StringBuilder sql = new StringBuilder(COLUMNS).append("where workspace_id = :workspaceId\n");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("workspaceId", workspaceId);
		if (visibleAccountIds != null) {
			sql.append("and connected_account_id = any(:visibleAccountIds)\n");
			params.put("visibleAccountIds", visibleAccountIds.toArray(String[]::new));
		}
		if (customerKey != null) {
			sql.append("and customer_key = :customerKey\n");
			params.put("customerKey", customerKey);
		}
		if (page.afterId() != null) {
			sql.append("and (created_at, connected_account_id) > (:afterCreatedAt, :afterId)\n");
			params.put("afterCreatedAt", OffsetDateTime.ofInstant(page.afterCreatedAt(), ZoneOffset.UTC));
			params.put("afterId", page.afterId());
		}
		sql.append("order by created_at, connected_account_id\nlimit :limit");
		params.put("limit", page.limit() + 1);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	Optional<ConnectedAccountView> findById(String workspaceId, String connectedAccountId) {
		return this.jdbc.sql(COLUMNS + "where workspace_id = :workspaceId and connected_account_id = :id")
			.param("workspaceId", workspaceId)
			.param("id", connectedAccountId)
			.query(this::map)
			.optional();
	}

	/**
	 * The workspace's accounts whose {@code user_identifier.email} is this address,
	 * oldest first.
	 */
	List<ConnectedAccountView> findByEmail(String workspaceId, String email) {
		return this.jdbc.sql(COLUMNS + """
				where workspace_id = :workspaceId and user_identifier ->> 'email' = :email
				order by created_at, connected_account_id""")
			.param("workspaceId", workspaceId)
			.param("email", email)
			.query(this::map)
			.list();
	}

	private ConnectedAccountView map(ResultSet rs, int rowNum) throws SQLException {
		String userIdentifier = rs.getString("user_identifier");
		return new ConnectedAccountView(rs.getString("connected_account_id"), rs.getString("workspace_id"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("provider"),
				rs.getString("account_type_display_name"), rs.getString("display_name"),
				(userIdentifier != null) ? this.jsonMapper.readTree(userIdentifier) : null,
				this.jsonMapper.readTree(rs.getString("custom_metadata")),
				rs.getBoolean("automatically_manage_new_devices"), SqlArrays.strings(rs, "accepted_capabilities"),
				List.of(), List.of(), rs.getString("customer_key"));
	}

}
