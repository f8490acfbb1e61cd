package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.params.provider.ValueSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.SeamOpenApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code /access_codes/*} against the seed: each credential, scoping, bad input, races,
 * events, stored state.
 */
class AccessCodeRoutesTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void createWhenAcceptedCredentialThenSettingThenSetWithEvents(Credential credential) {
		Instant before = Instant.now().minusSeconds(1);
		JsonPath created = as(credential)
			.body("{\"device_id\":\"august_device_1\",\"code\":\"1234\",\"name\":\"Guest\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(200)
			.body("access_code.device_id", equalTo("august_device_1"))
			.body("access_code.code", equalTo("1234"))
			.body("access_code.name", equalTo("Guest"))
			.body("access_code.type", equalTo("ongoing"))
			.body("access_code.status", equalTo("setting"))
			.body("access_code.is_managed", equalTo(true))
			.body("action_attempt.action_type", equalTo("CREATE_ACCESS_CODE"))
			.extract()
			.jsonPath();
		String id = created.getString("access_code.access_code_id");

		JsonPath attempt = awaitAttempt(credential, created.getString("action_attempt.action_attempt_id"));
		assertThat(attempt.getString("action_attempt.status")).isEqualTo("success");
		assertThat(attempt.getString("action_attempt.result.access_code.status")).isEqualTo("set");
		as(credential).queryParam("access_code_id", id)
			.get("/access_codes/get")
			.then()
			.statusCode(200)
			.body("access_code.status", equalTo("set"));
		assertThat(stored(id, "status")).isEqualTo("set");
		as(credential).body("{\"since\":\"" + before + "\",\"access_code_id\":\"" + id + "\"}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.event_type", contains("access_code.created", "access_code.set_on_device"))
			.body("events[1].code", equalTo("1234"))
			.body("events[0].connected_account_id", equalTo("john_connected_account_id"));
	}

	@Test
	void createWhenNoCodeThenFourDigitCodeIsGenerated() {
		as(Credential.CLIENT_SESSION_BEARER).body("{\"device_id\":\"august_device_1\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(200)
			.body("access_code.code", matchesPattern("\\d{4}"));
	}

	@Test
	void createWhenDeviceSupportsOnlySixDigitsThenOtherLengthsRefusedAndGeneratedCodesHaveSix() {
		this.jdbc
			.sql("update devices set properties = properties || '{\"supported_code_lengths\": [6]}'"
					+ " where device_id = 'august_device_2'")
			.update();
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_2\",\"code\":\"1234\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		as(Credential.API_KEY).queryParam("device_id", "august_device_2")
			.get("/access_codes/generate_code")
			.then()
			.statusCode(200)
			.body("generated_code.code", matchesPattern("\\d{6}"));
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_2\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(200)
			.body("access_code.code", matchesPattern("\\d{6}"));
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void createWhenTimeBoundThenStartsAtAndEndsAtAndSetOnlyWithinThem() {
		Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Instant end = start.plus(2, ChronoUnit.HOURS);
		JsonPath created = as(Credential.API_KEY)
			.body("{\"device_id\":\"august_device_1\",\"code\":\"5555\",\"starts_at\":\"" + start + "\",\"ends_at\":\""
					+ end + "\",\"sync\":true}")
			.post("/access_codes/create")
			.then()
			.statusCode(200)
			.body("access_code.type", equalTo("time_bound"))
			.body("access_code.status", equalTo("set"))
			.body("action_attempt.status", equalTo("success"))
			.extract()
			.jsonPath();
		assertThat(Instant.parse(created.getString("access_code.starts_at"))).isEqualTo(start);
		assertThat(Instant.parse(created.getString("access_code.ends_at"))).isEqualTo(end);

		Instant later = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		as(Credential.API_KEY)
			.body("{\"device_id\":\"august_device_1\",\"code\":\"6666\",\"starts_at\":\"" + later + "\",\"ends_at\":\""
					+ later.plus(1, ChronoUnit.HOURS) + "\",\"sync\":true}")
			.post("/access_codes/create")
			.then()
			.statusCode(200)
			.body("access_code.status", equalTo("unset"));
	}

	@Test
	void createWhenCodeAlreadyOnDeviceThenConflictAndOneCode() {
		create(Credential.API_KEY, "august_device_1", "4321");
		as(Credential.CLIENT_SESSION_BEARER).body("{\"device_id\":\"august_device_1\",\"code\":\"4321\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(409)
			.body("error.type", equalTo("duplicate_access_code"));
		// The same code on another device is another code.
		create(Credential.API_KEY, "august_device_2", "4321");
		assertThat(rows()).isEqualTo(2);
		assertThat(events("access_code.created")).isEqualTo(2);
	}

	@Test
	void createWhenSameCodeConcurrentlyThenExactlyOneSucceeds() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> creates = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				creates.add(() -> as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\",\"code\":\"7777\"}")
					.post("/access_codes/create")
					.then()
					.extract()
					.statusCode());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(creates)) {
				statuses.add(status.get());
			}
			assertThat(statuses).containsOnly(200, 409);
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rows()).isEqualTo(1);
		assertThat(events("access_code.created")).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER" })
	void createWhenClientSessionAndAnotherUsersDeviceThenRefusedAndNothingStored(Credential credential) {
		as(credential).body("{\"device_id\":\"schlage_device_id\",\"code\":\"1234\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("Not authorized to view this device"));
		assertThat(rows()).isZero();
		assertThat(attempts()).isZero();
	}

	@Test
	void createWhenOtherWorkspaceOrNotProgrammableThenRefusedAndNothingStored() {
		asWorkspace2().body("{\"device_id\":\"august_device_1\",\"code\":\"1234\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		as(Credential.API_KEY).body("{\"device_id\":\"ecobee_device_1\",\"code\":\"1234\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("action_not_supported"));
		as(Credential.PUBLISHABLE_KEY).body("{\"device_id\":\"august_device_1\",\"code\":\"1234\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(401);
		assertThat(rows()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"code\":\"1234\"}", "{\"device_id\":\"august_device_1\",\"code\":\"12a4\"}",
			"{\"device_id\":\"august_device_1\",\"code\":\"123\"}",
			"{\"device_id\":\"august_device_1\",\"code\":\"1234567890123\"}",
			"{\"device_id\":\"august_device_1\",\"code\":1234}",
			"{\"device_id\":\"august_device_1\",\"starts_at\":\"2030-01-01T00:00:00Z\"}",
			"{\"device_id\":\"august_device_1\",\"starts_at\":\"2030-01-02T00:00:00Z\",\"ends_at\":\"2030-01-01T00:00:00Z\"}",
			"{\"device_id\":\"august_device_1\",\"starts_at\":\"tomorrow\",\"ends_at\":\"2030-01-01T00:00:00Z\"}",
			"{\"device_id\":\"august_device_1\",\"use_backup_access_code_pool\":true}",
			"{\"device_id\":\"august_device_1\",\"sync\":\"yes\"}" })
	void createWhenBadInputThenInvalidInputAndNothingStored(String body) {
		as(Credential.API_KEY).body(body)
			.post("/access_codes/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		assertThat(rows()).isZero();
		assertThat(attempts()).isZero();
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void listWhenDeviceIdThenItsCodesWithPagination(Credential credential) {
		String first = create(Credential.API_KEY, "august_device_1", "1111");
		String second = create(Credential.API_KEY, "august_device_1", "2222");
		create(Credential.API_KEY, "august_device_2", "3333");
		as(credential).queryParam("device_id", "august_device_1")
			.get("/access_codes/list")
			.then()
			.statusCode(200)
			.body("access_codes.access_code_id", contains(first, second))
			.body("pagination.has_next_page", equalTo(false));
		as(credential).body("{\"access_code_ids\":[\"" + second + "\"]}")
			.post("/access_codes/list")
			.then()
			.statusCode(200)
			.body("access_codes.code", contains("2222"));
	}

	@Test
	void listWhenClientSessionThenNeverAnotherUsersCodes() {
		String janes = create(Credential.API_KEY, "schlage_device_id", "1111");
		String johns = create(Credential.API_KEY, "august_device_1", "2222");
		as(Credential.CLIENT_SESSION_BEARER).queryParam("device_id", "schlage_device_id")
			.get("/access_codes/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		as(Credential.CLIENT_SESSION_BEARER).body("{\"access_code_ids\":[\"" + janes + "\",\"" + johns + "\"]}")
			.post("/access_codes/list")
			.then()
			.statusCode(200)
			.body("access_codes.access_code_id", contains(johns));
		as(Credential.API_KEY).body("{\"access_code_ids\":[\"" + janes + "\",\"" + johns + "\"]}")
			.post("/access_codes/list")
			.then()
			.body("access_codes.access_code_id", containsInAnyOrder(janes, johns));
	}

	@Test
	void listWhenOtherWorkspaceOrNoFilterThenRefused() {
		String id = create(Credential.API_KEY, "august_device_1", "1111");
		asWorkspace2().queryParam("device_id", "august_device_1")
			.get("/access_codes/list")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		asWorkspace2().body("{\"access_code_ids\":[\"" + id + "\"]}")
			.post("/access_codes/list")
			.then()
			.statusCode(200)
			.body("access_codes.size()", equalTo(0));
		as(Credential.API_KEY).get("/access_codes/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Either 'device_id' or 'access_code_ids' is required"));
	}

	@Test
	void getWhenIdOrDeviceAndCodeThenCode() {
		String id = create(Credential.API_KEY, "august_device_1", "1111");
		as(Credential.CLIENT_SESSION_HEADER).body("{\"device_id\":\"august_device_1\",\"code\":\"1111\"}")
			.post("/access_codes/get")
			.then()
			.statusCode(200)
			.body("access_code.access_code_id", equalTo(id));
		as(Credential.PERSONAL_ACCESS_TOKEN).queryParam("access_code_id", id)
			.get("/access_codes/get")
			.then()
			.statusCode(200)
			.body("access_code.code", equalTo("1111"))
			.body("access_code.workspace_id", equalTo("seed_workspace_1"));
	}

	@Test
	void getWhenAnotherUsersOrWorkspacesOrUnknownCodeThenRefused() {
		String janes = create(Credential.API_KEY, "schlage_device_id", "1111");
		as(Credential.CLIENT_SESSION_BEARER).queryParam("access_code_id", janes)
			.get("/access_codes/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("Not authorized to view this device"));
		asWorkspace2().queryParam("access_code_id", janes)
			.get("/access_codes/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("access_code_not_found"));
		as(Credential.API_KEY).queryParam("access_code_id", "no_such_code")
			.get("/access_codes/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("access_code_not_found"));
		as(Credential.API_KEY).queryParam("device_id", "august_device_1")
			.get("/access_codes/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "POST", "PATCH" })
	void updateWhenAnyAcceptedMethodThenChangedStoredAndEvent(String method) {
		String id = create(Credential.API_KEY, "august_device_1", "1111");
		Instant before = Instant.now().minusSeconds(1);
		String attempt = as(Credential.CLIENT_SESSION_BEARER)
			.body("{\"access_code_id\":\"" + id + "\",\"name\":\"Cleaner\",\"code\":\"9999\"}")
			.request(method, "/access_codes/update")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("UPDATE_ACCESS_CODE"))
			.extract()
			.path("action_attempt.action_attempt_id");
		assertThat(stored(id, "name")).isEqualTo("Cleaner");
		assertThat(stored(id, "code")).isEqualTo("9999");
		assertThat(awaitAttempt(Credential.CLIENT_SESSION_BEARER, attempt).getString("action_attempt.status"))
			.isEqualTo("success");
		as(Credential.CLIENT_SESSION_BEARER).queryParam("access_code_id", id)
			.get("/access_codes/get")
			.then()
			.body("access_code.name", equalTo("Cleaner"))
			.body("access_code.code", equalTo("9999"))
			.body("access_code.status", equalTo("set"));
		as(Credential.CLIENT_SESSION_BEARER)
			.body("{\"since\":\"" + before + "\",\"event_type\":\"access_code.changed\"}")
			.post("/events/list")
			.then()
			.body("events.size()", equalTo(1))
			.body("events[0].access_code_id", equalTo(id));
	}

	@Test
	void updateWhenNameAndCodeChangeThenNameChangedAndCodeChangedEventsWithFromAndTo() {
		String id = create(Credential.API_KEY, "august_device_1", "1111");
		Instant before = Instant.now().minusSeconds(1);
		as(Credential.API_KEY).body("{\"access_code_id\":\"" + id + "\",\"name\":\"Cleaner\",\"code\":\"9999\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(200);
		as(Credential.CLIENT_SESSION_BEARER)
			.body("{\"since\":\"" + before + "\",\"event_type\":\"access_code.name_changed\"}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.size()", equalTo(1))
			.body("events[0].access_code_id", equalTo(id))
			.body("events[0].device_id", equalTo("august_device_1"))
			.body("events[0].from.name", nullValue())
			.body("events[0].from", hasKey("name"))
			.body("events[0].to.name", equalTo("Cleaner"))
			.body("events[0].description", notNullValue());
		as(Credential.API_KEY).body("{\"since\":\"" + before + "\",\"event_type\":\"access_code.code_changed\"}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.size()", equalTo(1))
			.body("events[0].access_code_id", equalTo(id))
			.body("events[0].from.code", equalTo("1111"))
			.body("events[0].to.code", equalTo("9999"));
		as(Credential.API_KEY).body("{\"access_code_id\":\"" + id + "\",\"name\":\"Gardener\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(200);
		assertThat(events("access_code.name_changed")).isEqualTo(2);
		assertThat(events("access_code.code_changed")).isEqualTo(1);
		asWorkspace2().body("{\"since\":\"" + before + "\",\"event_types\":[\"access_code.name_changed\"]}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.size()", equalTo(0));
	}

	@Test
	void updateWhenNameAndCodeUnchangedThenNoNameOrCodeEvent() {
		String id = create(Credential.API_KEY, "august_device_1", "1111");
		as(Credential.API_KEY).body("{\"access_code_id\":\"" + id
				+ "\",\"code\":\"1111\",\"starts_at\":\"2030-01-01T00:00:00Z\",\"ends_at\":\"2030-01-02T00:00:00Z\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(200);
		assertThat(events("access_code.changed")).isEqualTo(1);
		assertThat(events("access_code.name_changed")).isZero();
		assertThat(events("access_code.code_changed")).isZero();
	}

	@Test
	void updateWhenTimeFrameThenTimeBoundAndBackToOngoing() {
		String id = create(Credential.API_KEY, "august_device_1", "1111");
		as(Credential.API_KEY)
			.body("{\"access_code_id\":\"" + id
					+ "\",\"starts_at\":\"2030-01-01T00:00:00Z\",\"ends_at\":\"2030-01-02T00:00:00Z\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(200);
		assertThat(stored(id, "type")).isEqualTo("time_bound");
		as(Credential.API_KEY).body("{\"access_code_id\":\"" + id + "\",\"type\":\"ongoing\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(200);
		assertThat(stored(id, "type")).isEqualTo("ongoing");
		assertThat(stored(id, "starts_at")).isNull();
	}

	@Test
	void updateWhenCodeOfAnotherCodeOnTheDeviceThenConflictAndUnchanged() {
		create(Credential.API_KEY, "august_device_1", "1111");
		String id = create(Credential.API_KEY, "august_device_1", "2222");
		as(Credential.API_KEY).body("{\"access_code_id\":\"" + id + "\",\"code\":\"1111\",\"name\":\"x\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(409)
			.body("error.type", equalTo("duplicate_access_code"));
		assertThat(stored(id, "code")).isEqualTo("2222");
		assertThat(stored(id, "name")).isNull();
		assertThat(events("access_code.changed")).isZero();
	}

	@Test
	void updateWhenAnotherUsersOrWorkspacesCodeOrBadInputThenRefusedAndUnchanged() {
		String janes = create(Credential.API_KEY, "schlage_device_id", "1111");
		as(Credential.CLIENT_SESSION_BEARER).body("{\"access_code_id\":\"" + janes + "\",\"name\":\"mine\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		asWorkspace2().body("{\"access_code_id\":\"" + janes + "\",\"name\":\"mine\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("access_code_not_found"));
		as(Credential.API_KEY).body("{\"access_code_id\":\"" + janes + "\",\"code\":\"12\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		as(Credential.API_KEY).body("{\"access_code_id\":\"" + janes + "\",\"type\":\"time_bound\"}")
			.put("/access_codes/update")
			.then()
			.statusCode(400);
		as(Credential.API_KEY).body("{\"name\":\"mine\"}").put("/access_codes/update").then().statusCode(400);
		assertThat(stored(janes, "name")).isNull();
		assertThat(stored(janes, "code")).isEqualTo("1111");
		assertThat(attempts()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void deleteWhenAcceptedCredentialThenGoneWithEventAndCodeFreeAgain(Credential credential) {
		String id = create(Credential.API_KEY, "august_device_1", "1111");
		Instant before = Instant.now().minusSeconds(1);
		as(credential).queryParam("access_code_id", id)
			.delete("/access_codes/delete")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("DELETE_ACCESS_CODE"));
		assertThat(rows()).isZero();
		as(credential).queryParam("access_code_id", id)
			.get("/access_codes/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("access_code_not_found"));
		as(credential).body("{\"since\":\"" + before + "\",\"event_type\":\"access_code.deleted\"}")
			.post("/events/list")
			.then()
			.body("events.size()", equalTo(1))
			.body("events[0].access_code_id", equalTo(id))
			.body("events[0].code", equalTo("1111"));
		create(Credential.API_KEY, "august_device_1", "1111");
	}

	@Test
	void deleteWhenAnotherUsersOrWorkspacesCodeThenRefusedAndKept() {
		String janes = create(Credential.API_KEY, "schlage_device_id", "1111");
		as(Credential.CLIENT_SESSION_BEARER).body("{\"access_code_id\":\"" + janes + "\"}")
			.post("/access_codes/delete")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		asWorkspace2().body("{\"access_code_id\":\"" + janes + "\"}")
			.post("/access_codes/delete")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("access_code_not_found"));
		as(Credential.API_KEY).body("{\"access_code_id\":\"" + janes + "\",\"device_id\":\"august_device_1\"}")
			.post("/access_codes/delete")
			.then()
			.statusCode(404);
		as(Credential.API_KEY).body("{}").post("/access_codes/delete").then().statusCode(400);
		as(Credential.API_KEY).queryParam("access_code_id", janes).get("/access_codes/delete").then().statusCode(405);
		assertThat(rows()).isEqualTo(1);
		assertThat(events("access_code.deleted")).isZero();
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void generateCodeWhenAcceptedCredentialThenGeneratedCodeAndNothingStored(Credential credential) {
		as(credential).queryParam("device_id", "august_device_1")
			.get("/access_codes/generate_code")
			.then()
			.statusCode(200)
			.body("generated_code.device_id", equalTo("august_device_1"))
			.body("generated_code.code", matchesPattern("\\d{4}"))
			.body("generated_code.access_code_id", notNullValue());
		as(credential).body("{\"device_id\":\"august_device_1\"}")
			.post("/access_codes/generate_code")
			.then()
			.statusCode(200);
		assertThat(rows()).isZero();
	}

	@Test
	void generateCodeWhenAnotherUsersOrWorkspacesDeviceOrNoDeviceThenRefused() {
		as(Credential.CLIENT_SESSION_BEARER).queryParam("device_id", "schlage_device_id")
			.get("/access_codes/generate_code")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		asWorkspace2().queryParam("device_id", "august_device_1")
			.get("/access_codes/generate_code")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		as(Credential.API_KEY).get("/access_codes/generate_code").then().statusCode(400);
	}

	private String create(Credential credential, String deviceId, String code) {
		return as(credential).body("{\"device_id\":\"" + deviceId + "\",\"code\":\"" + code + "\"}")
			.post("/access_codes/create")
			.then()
			.statusCode(200)
			.extract()
			.path("access_code.access_code_id");
	}

	private static JsonPath awaitAttempt(Credential credential, String id) {
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

	private String stored(String id, String column) {
		return this.jdbc.sql("select " + column + "::text from access_codes where access_code_id = :id")
			.param("id", id)
			.query((rs, rowNum) -> rs.getString(1))
			.list()
			.get(0);
	}

	private int rows() {
		return this.jdbc.sql("select count(*) from access_codes where workspace_id like 'seed_workspace_%'")
			.query(Integer.class)
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
