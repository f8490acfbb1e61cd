package dev.emulator.seam.clientsession;

import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Old sessions are purged; live ones and recently ended ones are kept (default retention:
 * 30 days).
 */
class ClientSessionPurgeTests extends ApiTest {

	@Autowired
	ClientSessionPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Test
	void purgeWhenSessionsEndedLongAgoThenOnlyThoseAreDeleted() {
		String live = create("purge-live");
		String recentlyRevoked = create("purge-recent");
		String longExpired = create("purge-expired");
		String longRevoked = create("purge-revoked");
		asWorkspace1().body("{\"client_session_id\":\"" + recentlyRevoked + "\"}")
			.post("/client_sessions/revoke")
			.then()
			.statusCode(200);
		this.jdbc
			.sql("update client_sessions set expires_at = now() - interval '31 days' where client_session_id = :id")
			.param("id", longExpired)
			.update();
		this.jdbc
			.sql("update client_sessions set revoked_at = now() - interval '40 days', live_user_identifier_key = null"
					+ " where client_session_id = :id")
			.param("id", longRevoked)
			.update();

		assertThat(this.purge.purge()).isGreaterThanOrEqualTo(2);

		for (String kept : List.of(live, recentlyRevoked, "cst1")) {
			asWorkspace1().queryParam("client_session_id", kept).get("/client_sessions/get").then().statusCode(200);
		}
		for (String gone : List.of(longExpired, longRevoked)) {
			asWorkspace1().queryParam("client_session_id", gone)
				.get("/client_sessions/get")
				.then()
				.statusCode(404)
				.body("error.type", equalTo("client_session_not_found"));
		}
	}

	@Test
	void purgeWhenRunOnSeveralInstancesAtOnceThenEachSessionDeletedOnceWithoutErrors() throws Exception {
		for (int i = 0; i < 30; i++) {
			String id = create("purge-many-" + i);
			this.jdbc
				.sql("update client_sessions set expires_at = now() - interval '60 days' where client_session_id = :id")
				.param("id", id)
				.update();
		}
		Callable<Integer> purge = this.purge::purge;
		int total = TestHttp.race(List.of(purge, purge, purge)).stream().mapToInt(Integer::intValue).sum();
		assertThat(total).isGreaterThanOrEqualTo(30);
		assertThat(this.jdbc.sql("select count(*) from client_sessions where user_identifier_key like 'purge-many-%'")
			.query(Integer.class)
			.single()).isZero();
	}

	private String create(String key) {
		return asWorkspace1().body("{\"user_identifier_key\":\"" + key + "\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.client_session_id");
	}

}
