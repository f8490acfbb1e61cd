package dev.emulator.seam.device;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts managed devices per connected account, in one indexed query whatever the number of sessions asking.
 */
@Component
public class DeviceCounts {

	private final JdbcClient jdbc;

	DeviceCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Managed devices of the workspace per connected account id; accounts without devices are absent. */
	public Map<String, Long> managedDevicesByAccount(String workspaceId, Collection<String> connectedAccountIds) {
		Map<String, Long> counts = new HashMap<>();
		if (connectedAccountIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				select connected_account_id, count(*) as devices
				from devices
				where workspace_id = :workspaceId and is_managed and connected_account_id = any(:accountIds)
				group by connected_account_id
				""")
			.param("workspaceId", workspaceId)
			.param("accountIds", connectedAccountIds.toArray(String[]::new))
			.query((rs, rowNum) -> counts.put(rs.getString("connected_account_id"), rs.getLong("devices")))
			.list();
		return counts;
	}

}
