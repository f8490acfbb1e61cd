package dev.emulator.seam.actionattempt;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.emulator.seam.support.ServerProcess;
import dev.emulator.seam.support.ServerProcess.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An attempt still pending when the server is killed (SIGKILL) is carried out after a
 * restart, once, with the change it was for; an access code created before the kill is
 * still there.
 */
class ActionAttemptRestartIT {

	@TempDir
	Path dir;

	@Test
	void pendingAttemptWhenServerKilledAndRestartedThenCarriedOutOnceAndAccessCodeKept() throws Exception {
		try (Database db = Database.create("attempt_restart")) {
			String attemptId;
			String accessCodeId;
			String createAttemptId;
			try (ServerProcess server = ServerProcess.start(db, this.dir, Map.of("SEAM_ACTION_ATTEMPT_DELAY", "1h"))) {
				attemptId = as(server).body("{\"device_id\":\"august_device_1\"}")
					.post("/locks/unlock_door")
					.then()
					.statusCode(200)
					.body("action_attempt.status", equalTo("pending"))
					.extract()
					.path("action_attempt.action_attempt_id");
				var created = as(server).body("{\"device_id\":\"august_device_1\",\"code\":\"2468\"}")
					.post("/access_codes/create")
					.then()
					.statusCode(200)
					.extract()
					.jsonPath();
				accessCodeId = created.getString("access_code.access_code_id");
				createAttemptId = created.getString("action_attempt.action_attempt_id");
				server.kill();
			}
			assertThat(db.query("select status from action_attempts order by status")).containsExactly("pending",
					"pending");
			// The hour passes while the server is down.
			db.query("update action_attempts set completes_at = now() where status = 'pending' returning 1");

			try (ServerProcess restarted = ServerProcess.start(db, this.dir)) {
				as(restarted).queryParam("action_attempt_id", attemptId)
					.get("/action_attempts/get")
					.then()
					.statusCode(200)
					.body("action_attempt.status", equalTo("success"));
				as(restarted).queryParam("device_id", "august_device_1")
					.get("/locks/get")
					.then()
					.body("lock.properties.locked", equalTo(false));
				as(restarted).queryParam("action_attempt_id", createAttemptId)
					.get("/action_attempts/get")
					.then()
					.body("action_attempt.status", equalTo("success"));
				as(restarted).queryParam("access_code_id", accessCodeId)
					.get("/access_codes/get")
					.then()
					.statusCode(200)
					.body("access_code.code", equalTo("2468"))
					.body("access_code.status", equalTo("set"));
			}
			List<String> unlocked = db.query("select count(*) from events where event_type = 'lock.unlocked'");
			assertThat(unlocked).containsExactly("1");
		}
	}

	private static RequestSpecification as(ServerProcess server) {
		return RestAssured.given()
			.baseUri("http://127.0.0.1")
			.port(server.port())
			.contentType(ContentType.JSON)
			.header("Authorization", "Bearer seam_apikey1_token");
	}

}
