package dev.emulator.seam.device;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * {@code /devices/update} and {@code /devices/list_device_providers} against the seed.
 */
class DeviceUpdateTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void updateWhenAcceptedCredentialRenamesThenGetAndListShowTheNameAndEventRecorded(Credential credential) {
		as(credential).body("{\"device_id\":\"august_device_1\",\"name\":\"Garden Gate\"}")
			.patch("/devices/update")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));

		as(credential).queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.display_name", equalTo("Garden Gate"))
			.body("device.nickname", equalTo("Garden Gate"))
			.body("device.properties.name", equalTo("Garden Gate"));
		as(credential).body("{\"device_ids\":[\"august_device_1\"]}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.display_name", contains("Garden Gate"));
		as(credential).queryParam("name", "Garden Gate")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.device_id", equalTo("august_device_1"));
		as(credential).body(
				"{\"event_type\":\"device.name_changed\",\"device_id\":\"august_device_1\",\"since\":\"2000-01-01T00:00:00Z\"}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.device_name", contains("Garden Gate"))
			.body("events.connected_account_id", contains("john_connected_account_id"));
		assertThat(storedNickname("august_device_1")).isEqualTo("Garden Gate");
	}

	@Test
	void updateWhenPostedThenAcceptedAsPatch() {
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_2\",\"properties\":{\"name\":\"Shed\"}}")
			.post("/devices/update")
			.then()
			.statusCode(200);
		assertThat(storedNickname("august_device_2")).isEqualTo("Shed");
	}

	@Test
	void updateWhenGetThenMethodNotAllowedAndNothingChanged() {
		as(Credential.API_KEY).queryParam("device_id", "august_device_1")
			.queryParam("name", "X")
			.get("/devices/update")
			.then()
			.statusCode(405);
		assertThat(storedNickname("august_device_1")).isNull();
	}

	@Test
	void updateWhenNameEmptyThenProviderNameShowsAgain() {
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\",\"name\":\"Temp\"}")
			.patch("/devices/update")
			.then()
			.statusCode(200);
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\",\"name\":\"\"}")
			.patch("/devices/update")
			.then()
			.statusCode(200);
		as(Credential.API_KEY).queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.display_name", equalTo("Smart Device"))
			.body("device", not(org.hamcrest.Matchers.hasKey("nickname")));
	}

	@Test
	void updateWhenCustomMetadataThenMergedNullRemovesAndListFiltersOnIt() {
		as(Credential.API_KEY)
			.body("{\"device_id\":\"august_device_1\",\"custom_metadata\":{\"unit\":\"12B\",\"vip\":true,\"x\":\"y\"}}")
			.patch("/devices/update")
			.then()
			.statusCode(200);
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\",\"custom_metadata\":{\"x\":null}}")
			.patch("/devices/update")
			.then()
			.statusCode(200);

		as(Credential.API_KEY).queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.body("device.custom_metadata", equalTo(java.util.Map.of("unit", "12B", "vip", true)));
		as(Credential.API_KEY).body("{\"custom_metadata_has\":{\"unit\":\"12B\",\"vip\":true}}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("august_device_1"));
		as(Credential.API_KEY).queryParam("custom_metadata_has.unit", "12B")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("august_device_1"));
		as(Credential.API_KEY).body("{\"custom_metadata_has\":{\"unit\":\"99\"}}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.size()", equalTo(0));
		// A name that did not change is no name_changed event.
		assertThat(eventCount("device.name_changed")).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"X\"}", "{\"device_id\":\"august_device_1\",\"name\":5}",
			"{\"device_id\":\"august_device_1\",\"name\":\"X\",\"custom_metadata\":{\"a\":1}}",
			"{\"device_id\":\"august_device_1\",\"name\":\"X\",\"custom_metadata\":[]}",
			"{\"device_id\":\"august_device_1\",\"name\":\"X\",\"is_managed\":\"no\"}" })
	void updateWhenBadInputThenInvalidInputAndNothingChanged(String body) {
		as(Credential.API_KEY).body(body)
			.patch("/devices/update")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		assertThat(storedNickname("august_device_1")).isNull();
		assertThat(eventCount("device.name_changed")).isZero();
	}

	@Test
	void updateWhenMetadataStringTooLongThenInvalidInput() {
		as(Credential.API_KEY)
			.body("{\"device_id\":\"august_device_1\",\"custom_metadata\":{\"a\":\"" + "x".repeat(501) + "\"}}")
			.patch("/devices/update")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		assertThat(this.jdbc.sql("select custom_metadata::text from devices where device_id = 'august_device_1'")
			.query(String.class)
			.single()).isEqualTo("{}");
	}

	@Test
	void updateWhenClientSessionAndAnotherUsersDeviceThenRefusedAsDevicesGetAndNothingChanged() {
		as(Credential.CLIENT_SESSION_BEARER).body("{\"device_id\":\"schlage_device_id\",\"name\":\"Mine\"}")
			.patch("/devices/update")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("Not authorized to view this device"));
		assertThat(storedNickname("schlage_device_id")).isNull();
	}

	@Test
	void updateWhenOtherWorkspaceThenDeviceNotFoundAndNothingChanged() {
		asWorkspace2().body("{\"device_id\":\"august_device_1\",\"name\":\"Theirs\"}")
			.patch("/devices/update")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		assertThat(storedNickname("august_device_1")).isNull();
	}

	@Test
	void updateWhenPublishableKeyThenUnauthorized() {
		as(Credential.PUBLISHABLE_KEY).body("{\"device_id\":\"august_device_1\",\"name\":\"X\"}")
			.patch("/devices/update")
			.then()
			.statusCode(401);
		assertThat(storedNickname("august_device_1")).isNull();
	}

	@Test
	void updateWhenUnmanagedThenLeavesListsWithEventAndASecondUpdateIsRefused() {
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_2\",\"is_managed\":false}")
			.patch("/devices/update")
			.then()
			.statusCode(200);
		as(Credential.API_KEY).get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", not(hasItem("august_device_2")));
		as(Credential.API_KEY).queryParam("device_id", "august_device_2").get("/devices/get").then().statusCode(404);
		assertThat(eventCount("device.converted_to_unmanaged")).isEqualTo(1);
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_2\",\"name\":\"X\"}")
			.patch("/devices/update")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("device_unmanaged"));
	}

	@Test
	void updateWhenConcurrentMetadataKeysThenNoneLost() throws Exception {
		int writers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				String body = "{\"device_id\":\"august_device_1\",\"custom_metadata\":{\"k" + i + "\":\"v\"}}";
				Callable<Integer> call = () -> Credential.API_KEY.request()
					.body(body)
					.patch("/devices/update")
					.then()
					.extract()
					.statusCode();
				results.add(pool.submit(call));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		Integer keys = this.jdbc.sql("""
				select count(*) from devices, jsonb_object_keys(custom_metadata)
				where device_id = 'august_device_1'""").query(Integer.class).single();
		assertThat(keys).isEqualTo(writers);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void listDeviceProvidersWhenAcceptedCredentialThenProvidersOfTheCategory(Credential credential) {
		as(credential).get("/devices/list_device_providers")
			.then()
			.statusCode(200)
			.body("device_providers.device_provider_name", hasItem("august"));
		as(credential).body("{\"provider_category\":\"thermostats\"}")
			.post("/devices/list_device_providers")
			.then()
			.statusCode(200)
			.body("device_providers.device_provider_name", contains("ecobee"));
	}

	@Test
	void listDeviceProvidersWhenUnknownCategoryThenInvalidInput() {
		as(Credential.API_KEY).body("{\"provider_category\":\"toasters\"}")
			.post("/devices/list_device_providers")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
	}

	@Test
	void listWhenIncludeIfAndExcludeIfThenByCapabilityFlag() {
		as(Credential.API_KEY).body("{\"include_if\":[\"can_hvac_heat\"]}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("ecobee_device_1"));
		as(Credential.API_KEY).body("{\"exclude_if\":[\"can_remotely_lock\"]}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", containsInAnyOrder("ecobee_device_1", "minut_device_1"));
		as(Credential.API_KEY).body("{\"include_if\":[\"can_fly\"]}")
			.post("/devices/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
	}

	@Test
	void listWhenSearchThenByNameAndClientSessionStillScoped() {
		as(Credential.API_KEY).body("{\"search\":\"fake august\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", containsInAnyOrder("august_device_1", "august_device_2"));
		as(Credential.API_KEY).body("{\"search\":\"bathroom\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("schlage_device_id"));
		as(Credential.CLIENT_SESSION_BEARER).body("{\"search\":\"bathroom\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.size()", equalTo(0));
	}

	@Test
	void listWhenConnectWebviewIdOrCustomerKeyThenDevicesOfThoseAccounts() {
		as(Credential.API_KEY).body("{\"connect_webview_id\":\"connect_webview1\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id",
					containsInAnyOrder("august_device_1", "august_device_2", "ecobee_device_1", "minut_device_1"));
		as(Credential.API_KEY).body("{\"customer_key\":\"no_such_customer\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.size()", equalTo(0));
		asWorkspace2().body("{\"connect_webview_id\":\"connect_webview1\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.size()", equalTo(0));
	}

	@Test
	void listWhenPageCursorNullOrEmptyThenFirstPage() {
		as(Credential.API_KEY).body("{\"page_cursor\":null,\"limit\":2}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.size()", equalTo(2))
			.body("pagination.has_next_page", equalTo(true));
		as(Credential.API_KEY).queryParam("page_cursor", "")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.size()", equalTo(5));
	}

	private String storedNickname(String deviceId) {
		return this.jdbc.sql("select nickname from devices where device_id = :id")
			.param("id", deviceId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private int eventCount(String type) {
		return this.jdbc
			.sql("select count(*) from events where workspace_id = 'seed_workspace_1' and event_type = :type")
			.param("type", type)
			.query(Integer.class)
			.single();
	}

}
