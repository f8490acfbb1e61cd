package dev.emulator.seam.lock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.SeamOpenApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code /locks/*} against the seed: what each credential may see and do, and what an
 * action changes.
 */
class LockRoutesTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "API_KEY", "PERSONAL_ACCESS_TOKEN" })
	void listWhenWorkspaceCredentialThenEveryLockAndNoOtherDevice(Credential credential) {
		as(credential).get("/locks/list")
			.then()
			.statusCode(200)
			.body("locks.device_id", containsInAnyOrder("august_device_1", "august_device_2", "schlage_device_id"))
			.body("devices.device_id", containsInAnyOrder("august_device_1", "august_device_2", "schlage_device_id"));
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER" })
	void listWhenClientSessionThenOnlyItsUsersLocks(Credential credential) {
		as(credential).body("{}")
			.post("/locks/list")
			.then()
			.statusCode(200)
			.body("locks.device_id", containsInAnyOrder("august_device_1", "august_device_2"));
	}

	@Test
	void listWhenPublishableKeyThenUnauthorized() {
		as(Credential.PUBLISHABLE_KEY).get("/locks/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void listWhenDeviceTypeIsNotALockThenInvalidInput() {
		as(Credential.API_KEY).body("{\"device_type\":\"ecobee_thermostat\"}")
			.post("/locks/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
	}

	@Test
	void listWhenOtherWorkspaceThenEmpty() {
		asWorkspace2().get("/locks/list").then().statusCode(200).body("locks.size()", equalTo(0));
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void getWhenAcceptedCredentialAndOwnLockThenLockAndDevice(Credential credential) {
		as(credential).queryParam("device_id", "august_device_1")
			.get("/locks/get")
			.then()
			.statusCode(200)
			.body("lock.device_id", equalTo("august_device_1"))
			.body("device.device_id", equalTo("august_device_1"))
			.body("lock.properties.locked", equalTo(true));
	}

	@Test
	void getWhenDeviceIsNotALockThenDeviceNotFound() {
		as(Credential.API_KEY).queryParam("device_id", "ecobee_device_1")
			.get("/locks/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@Test
	void getWhenClientSessionAndAnotherUsersLockThenRefusedAsDevicesGet() {
		as(Credential.CLIENT_SESSION_BEARER).queryParam("device_id", "schlage_device_id")
			.get("/locks/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("Not authorized to view this device"));
	}

	@Test
	void getWhenOtherWorkspaceThenDeviceNotFound() {
		asWorkspace2().queryParam("device_id", "august_device_1")
			.get("/locks/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@Test
	void getWhenNoIdNorNameThenInvalidInput() {
		as(Credential.API_KEY).get("/locks/get").then().statusCode(400).body("error.type", equalTo("invalid_input"));
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void unlockWhenAcceptedCredentialThenPendingAttemptThenSuccessAndDeviceUnlockedAndEvent(Credential credential) {
		Instant before = Instant.now().minusSeconds(1);
		JsonPath started = as(credential).body("{\"device_id\":\"august_device_1\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("UNLOCK_DOOR"))
			.body("action_attempt.status", equalTo("pending"))
			.body("action_attempt.result", nullValue())
			.body("action_attempt.error", nullValue())
			.extract()
			.jsonPath();
		String id = started.getString("action_attempt.action_attempt_id");
		// Read together: as long as the attempt is pending, the lock has not moved.
		Boolean lockedWhilePending = this.jdbc.sql("""
				select (d.properties ->> 'locked')::boolean from devices d, action_attempts a
				where d.device_id = 'august_device_1' and a.action_attempt_id = :id and a.status = 'pending'
				""").param("id", id).query(Boolean.class).optional().orElse(true);
		assertThat(lockedWhilePending).as("unchanged while pending").isTrue();

		JsonPath done = awaitAttempt(credential, id);
		assertThat(done.getString("action_attempt.status")).isEqualTo("success");
		assertThat(done.getBoolean("action_attempt.result.was_confirmed_by_device")).isTrue();
		assertThat(locked("august_device_1")).isFalse();
		as(credential).queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.body("device.properties.locked", equalTo(false));
		as(credential).body("{\"since\":\"" + before + "\",\"event_type\":\"lock.unlocked\"}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.size()", equalTo(1))
			.body("events[0].device_id", equalTo("august_device_1"))
			.body("events[0].connected_account_id", equalTo("john_connected_account_id"))
			.body("events[0].method", equalTo("remote"))
			.body("events[0].action_attempt_id", equalTo(id));
	}

	@Test
	void lockWhenUnlockedThenLockedAndLockLockedEvent() {
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_2\",\"sync\":true}").post("/locks/unlock_door");
		assertThat(locked("august_device_2")).isFalse();
		Instant before = Instant.now().minusSeconds(1);

		String id = as(Credential.CLIENT_SESSION_BEARER).body("{\"device_id\":\"august_device_2\"}")
			.post("/locks/lock_door")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("LOCK_DOOR"))
			.extract()
			.path("action_attempt.action_attempt_id");

		assertThat(awaitAttempt(Credential.CLIENT_SESSION_BEARER, id).getString("action_attempt.status"))
			.isEqualTo("success");
		assertThat(locked("august_device_2")).isTrue();
		as(Credential.CLIENT_SESSION_BEARER).body("{\"since\":\"" + before + "\",\"event_type\":\"lock.locked\"}")
			.post("/events/list")
			.then()
			.body("events.size()", equalTo(1))
			.body("events[0].action_attempt_id", equalTo(id));
	}

	@Test
	void unlockWhenSyncThenAnsweredEndedAndDeviceUnlocked() {
		as(Credential.API_KEY).body("{\"device_id\":\"schlage_device_id\",\"sync\":true}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("success"));
		assertThat(locked("schlage_device_id")).isFalse();
	}

	@Test
	void unlockWhenNobodyReadsTheAttemptThenItIsStillCarriedOut() throws InterruptedException {
		String id = as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\"}")
			.post("/locks/unlock_door")
			.then()
			.extract()
			.path("action_attempt.action_attempt_id");
		long deadline = System.currentTimeMillis() + 5000;
		while (!"success".equals(storedStatus(id)) && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		assertThat(storedStatus(id)).isEqualTo("success");
		assertThat(locked("august_device_1")).isFalse();
	}

	@Test
	void unlockWhenDeviceOfflineThenAttemptErrorDeviceOfflineAndNothingChanges() {
		this.jdbc.sql(
				"update devices set properties = properties || '{\"online\": false}' where device_id = 'august_device_1'")
			.update();
		String id = as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(200)
			.extract()
			.path("action_attempt.action_attempt_id");

		JsonPath done = awaitAttempt(Credential.API_KEY, id);
		assertThat(done.getString("action_attempt.status")).isEqualTo("error");
		assertThat(done.getString("action_attempt.error.type")).isEqualTo("device_offline");
		assertThat(done.getString("action_attempt.error.message")).isEqualTo("Device is offline");
		assertThat(done.getString("action_attempt.result")).isNull();
		assertThat(locked("august_device_1")).isTrue();
		assertThat(events("lock.unlocked")).isZero();
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER" })
	void unlockWhenClientSessionAndAnotherUsersLockThenRefusedAndNothingChanges(Credential credential) {
		as(credential).body("{\"device_id\":\"schlage_device_id\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("Not authorized to view this device"));
		assertThat(attempts()).isZero();
		assertThat(locked("schlage_device_id")).isTrue();
	}

	@Test
	void unlockWhenOtherWorkspaceThenDeviceNotFoundAndNothingChanges() {
		asWorkspace2().body("{\"device_id\":\"august_device_1\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		assertThat(attempts()).isZero();
	}

	@Test
	void unlockWhenDeviceIsNotALockThenDeviceNotFound() {
		as(Credential.API_KEY).body("{\"device_id\":\"ecobee_device_1\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		assertThat(attempts()).isZero();
	}

	@Test
	void unlockWhenBadInputThenInvalidInputAndNothingChanges() {
		as(Credential.API_KEY).body("{}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("device_id is required"));
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\",\"sync\":\"yes\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		as(Credential.API_KEY).body("{\"device_id\":42}").post("/locks/lock_door").then().statusCode(400);
		assertThat(attempts()).isZero();
		assertThat(locked("august_device_1")).isTrue();
	}

	@Test
	void unlockWhenGetOrPublishableKeyThenRefused() {
		as(Credential.API_KEY).queryParam("device_id", "august_device_1")
			.get("/locks/unlock_door")
			.then()
			.statusCode(405)
			.body("error.type", equalTo("method_not_allowed"));
		as(Credential.PUBLISHABLE_KEY).body("{\"device_id\":\"august_device_1\"}")
			.post("/locks/unlock_door")
			.then()
			.statusCode(401);
		assertThat(attempts()).isZero();
	}

	@Test
	void attemptWhenReadByManyAtOnceThenCarriedOutOnce() throws Exception {
		String id = as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\"}")
			.post("/locks/unlock_door")
			.then()
			.extract()
			.path("action_attempt.action_attempt_id");
		// Stop the poller from taking it first: make it due only when all readers are
		// ready.
		this.jdbc
			.sql("update action_attempts set completes_at = now() + interval '1 second' where action_attempt_id = :id")
			.param("id", id)
			.update();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> readers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				readers.add(() -> {
					String status = "pending";
					long deadline = System.currentTimeMillis() + 5000;
					while ("pending".equals(status) && System.currentTimeMillis() < deadline) {
						status = as(Credential.API_KEY).queryParam("action_attempt_id", id)
							.get("/action_attempts/get")
							.then()
							.statusCode(200)
							.extract()
							.path("action_attempt.status");
					}
					return status;
				});
			}
			for (Future<String> result : pool.invokeAll(readers)) {
				assertThat(result.get()).isEqualTo("success");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(events("lock.unlocked")).isEqualTo(1);
	}

	/**
	 * Polls {@code /action_attempts/get} as Seam's SDK does until the attempt is no
	 * longer pending.
	 */
	static JsonPath awaitAttempt(Credential credential, String id) {
		long deadline = System.currentTimeMillis() + 5000;
		while (true) {
			JsonPath attempt = as(credential).queryParam("action_attempt_id", id)
				.get("/action_attempts/get")
				.then()
				.statusCode(200)
				.extract()
				.jsonPath();
			if (!"pending".equals(attempt.getString("action_attempt.status"))
					|| System.currentTimeMillis() > deadline) {
				return attempt;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return attempt;
			}
		}
	}

	private boolean locked(String deviceId) {
		return this.jdbc.sql("select (properties ->> 'locked')::boolean from devices where device_id = :id")
			.param("id", deviceId)
			.query(Boolean.class)
			.single();
	}

	private String storedStatus(String id) {
		return this.jdbc.sql("select status from action_attempts where action_attempt_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private int attempts() {
		return this.jdbc.sql("select count(*) from action_attempts where workspace_id like 'seed_workspace_%'")
			.query(Integer.class)
			.single();
	}

	private int events(String type) {
		return this.jdbc
			.sql("select count(*) from events where workspace_id like 'seed_workspace_%' and event_type = :type")
			.param("type", type)
			.query(Integer.class)
			.single();
	}

}
