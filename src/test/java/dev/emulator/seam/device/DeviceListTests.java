package dev.emulator.seam.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** {@code /devices/list} against the seed (BEHAVIOUR 4.2, 4.3, 7.1, 6.8). */
class DeviceListTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	private static final String[] JOHN_DEVICES = { "august_device_1", "august_device_2", "ecobee_device_1",
			"minut_device_1" };

	private static final String[] ALL_DEVICES = { "august_device_1", "august_device_2", "ecobee_device_1",
			"minut_device_1", "schlage_device_id" };

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "API_KEY", "PERSONAL_ACCESS_TOKEN" })
	void listWhenWorkspaceCredentialThenEveryManagedDeviceInCreationOrder(Credential credential) {
		credential.request()
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("devices.device_id", contains(ALL_DEVICES))
			.body("pagination.has_next_page", equalTo(false))
			.body("pagination.next_page_cursor", nullValue())
			.body("pagination.next_page_url", nullValue());
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER" })
	void listWhenClientSessionThenOnlyTheDevicesOfItsAccounts(Credential credential) {
		credential.request()
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("devices.device_id", contains(JOHN_DEVICES))
			.body("devices.connected_account_id.unique()", contains("john_connected_account_id"));
	}

	@Test
	void listWhenPublishableKeyThenUnauthorized() {
		Credential.PUBLISHABLE_KEY.request()
			.get("/devices/list")
			.then()
			.statusCode(401)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void listWhenPublishableKeyWithoutUserIdentifierKeyThenUnauthorized() {
		anonymous().header("seam-publishable-key", "seam_pk1_token").get("/devices/list").then().statusCode(401);
	}

	@Test
	void listWhenNoCredentialThenUnauthorized() {
		anonymous().get("/devices/list").then().statusCode(401).body("error.type", equalTo("unauthorized"));
	}

	@Test
	void listWhenOtherWorkspaceApiKeyThenNoDevices() {
		asWorkspace2().get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices", empty())
			.body("pagination.has_next_page", equalTo(false));
	}

	@Test
	void listWhenOtherWorkspaceFiltersByIdsThenStillNoDevices() {
		asWorkspace2().queryParam("device_ids", "august_device_1", "schlage_device_id")
			.queryParam("connected_account_id", "john_connected_account_id")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices", empty());
	}

	@Test
	void listWhenUserIdentifierKeyOfSeedSessionThenItsFourDevices() {
		asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains(JOHN_DEVICES));
	}

	@Test
	void listWhenUserIdentifierKeyWithPersonalAccessTokenThenItsFourDevices() {
		Credential.PERSONAL_ACCESS_TOKEN.request()
			.body("{\"user_identifier_key\":\"john_user_identifier_key\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains(JOHN_DEVICES));
	}

	@Test
	void listWhenUnknownUserIdentifierKeyThenNoDevices() {
		asWorkspace1().queryParam("user_identifier_key", "nobody")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices", empty());
	}

	@Test
	void listWhenUserIdentifierKeyOfOtherWorkspaceThenNoDevices() {
		asWorkspace2().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices", empty());
	}

	@Test
	void listWhenClientSessionSendsUserIdentifierKeyThenItIsIgnored() {
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("user_identifier_key", "nobody")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains(JOHN_DEVICES));
	}

	@Test
	void listWhenDeviceTypeThenOnlyThatType() {
		asWorkspace1().queryParam("device_type", "august_lock")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("august_device_1", "august_device_2"));
	}

	@Test
	void listWhenDeviceTypesInBodyThenAnyOfThem() {
		asWorkspace1().body("{\"device_types\":[\"minut_sensor\",\"schlage_lock\"]}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("minut_device_1", "schlage_device_id"));
	}

	@Test
	void listWhenConnectedAccountIdThenOnlyItsDevices() {
		asWorkspace1().queryParam("connected_account_id", "jane_connected_account_id")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("schlage_device_id"));
	}

	@Test
	void listWhenClientSessionAsksForAnAccountItDoesNotOwnThenNoDevices() {
		Credential.CLIENT_SESSION_HEADER.request()
			.queryParam("connected_account_ids", "jane_connected_account_id")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices", empty());
	}

	@Test
	void listWhenClientSessionAsksForDeviceIdsThenOnlyTheOwnedOnes() {
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("device_ids", "schlage_device_id,august_device_2")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("august_device_2"));
	}

	@Test
	void listWhenManufacturerThenOnlyThatManufacturer() {
		asWorkspace1().queryParam("manufacturer", "august")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("august_device_1", "august_device_2"));
	}

	@Test
	void listWhenFiltersCombinedThenAllMustMatch() {
		asWorkspace1().queryParam("device_types[]", "august_lock", "schlage_lock")
			.queryParam("connected_account_ids[]", "jane_connected_account_id")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("schlage_device_id"));
	}

	@Test
	void listWhenCreatedBeforeThenOnlyOlderDevices() {
		String ecobeeCreatedAt = asWorkspace1().queryParam("device_ids", "ecobee_device_1")
			.get("/devices/list")
			.then()
			.extract()
			.jsonPath()
			.getString("devices[0].created_at");
		asWorkspace1().queryParam("created_before", ecobeeCreatedAt)
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("august_device_1", "august_device_2"));
	}

	@Test
	void listWhenEmptyDeviceIdsThenNoDevices() {
		asWorkspace1().get("/devices/list?device_ids=").then().statusCode(200).body("devices", empty());
	}

	@Test
	void listWhenUnmanagedDeviceThenItIsNotListed() {
		this.jdbc.sql("""
				insert into devices (device_id, workspace_id, connected_account_id, device_type, display_name,
				                     is_managed, created_at)
				values ('unmanaged_device', 'seed_workspace_1', 'john_connected_account_id', 'august_lock', 'U',
				        false, now())""").update();
		asWorkspace1().get("/devices/list").then().statusCode(200).body("devices.device_id", contains(ALL_DEVICES));
	}

	@Test
	void listWhenDeviceThenEveryRequiredMemberAndStoredAttributesAtTopLevel() {
		asWorkspace1().queryParam("device_ids", "august_device_1")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices[0].device_id", equalTo("august_device_1"))
			.body("devices[0].device_type", equalTo("august_lock"))
			.body("devices[0].display_name", equalTo("Smart Device"))
			.body("devices[0].connected_account_id", equalTo("john_connected_account_id"))
			.body("devices[0].workspace_id", equalTo("seed_workspace_1"))
			.body("devices[0].created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
			.body("devices[0].is_managed", equalTo(true))
			.body("devices[0].capabilities_supported", contains("lock", "access_code"))
			.body("devices[0].properties.online", equalTo(true))
			.body("devices[0].properties.name", equalTo("Fake August Lock 1"))
			.body("devices[0].properties.appearance.name", equalTo("Front Door"))
			.body("devices[0].properties.model.manufacturer_display_name", equalTo("Generic"))
			.body("devices[0].properties.locked", equalTo(true))
			.body("devices[0].errors", empty())
			.body("devices[0].warnings", empty())
			.body("devices[0].custom_metadata", equalTo(Map.of()))
			.body("devices[0].space_ids", empty())
			.body("devices[0].can_remotely_lock", equalTo(true))
			.body("devices[0].can_program_online_access_codes", equalTo(true))
			.body("devices[0]", not(hasKey("attributes")))
			.body("devices[0]", not(hasKey("nickname")))
			.body("devices[0]", not(hasKey("managed")));
	}

	@Test
	void listWhenLimitTwoThenPagesFollowTheCursorToTheEnd() {
		List<String> seen = new ArrayList<>();
		JsonPath first = asWorkspace1().queryParam("limit", 2)
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("august_device_1", "august_device_2"))
			.body("pagination.has_next_page", equalTo(true))
			.body("pagination.next_page_cursor", notNullValue())
			.body("pagination.next_page_url", containsString("page_cursor="))
			.extract()
			.jsonPath();
		seen.addAll(first.getList("devices.device_id"));
		String cursor = first.getString("pagination.next_page_cursor");
		JsonPath second = asWorkspace1().queryParam("limit", 2)
			.queryParam("page_cursor", cursor)
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("ecobee_device_1", "minut_device_1"))
			.body("pagination.has_next_page", equalTo(true))
			.extract()
			.jsonPath();
		seen.addAll(second.getList("devices.device_id"));
		// A POST body carries the cursor as well as a query string does.
		JsonPath third = asWorkspace1()
			.body("{\"limit\":2,\"page_cursor\":\"" + second.getString("pagination.next_page_cursor") + "\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("pagination.has_next_page", equalTo(false))
			.body("pagination.next_page_cursor", nullValue())
			.extract()
			.jsonPath();
		seen.addAll(third.getList("devices.device_id"));
		assertThat(seen).containsExactly(ALL_DEVICES);
	}

	@Test
	void listWhenNextPageUrlFollowedThenTheRest() {
		String url = asWorkspace1().queryParam("limit", 3)
			.get("/devices/list")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.getString("pagination.next_page_url");
		asWorkspace1().get(url)
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("minut_device_1", "schlage_device_id"));
	}

	@Test
	void listWhenClientSessionPagesThenOnlyOwnedDevicesAcrossPages() {
		String cursor = Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("limit", 3)
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("august_device_1", "august_device_2", "ecobee_device_1"))
			.body("pagination.has_next_page", equalTo(true))
			.extract()
			.jsonPath()
			.getString("pagination.next_page_cursor");
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("limit", 3)
			.queryParam("page_cursor", cursor)
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", contains("minut_device_1"))
			.body("pagination.has_next_page", equalTo(false));
	}

	@Test
	void listWhenCursorReusedWithOtherFiltersThenMismatchedPageParameters() {
		String cursor = asWorkspace1().queryParam("limit", 2)
			.get("/devices/list")
			.then()
			.extract()
			.jsonPath()
			.getString("pagination.next_page_cursor");
		asWorkspace1().queryParam("limit", 2)
			.queryParam("page_cursor", cursor)
			.queryParam("device_type", "august_lock")
			.get("/devices/list")
			.then()
			.statusCode(400)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("mismatched_page_parameters"));
	}

	@Test
	void listWhenLimitOutOfRangeThenInvalidInput() {
		asWorkspace1().queryParam("limit", 0)
			.get("/devices/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.validation_errors", hasKey("limit"));
	}

	@Test
	void listWhenDeviceIdsIsNotAnArrayThenInvalidInput() {
		asWorkspace1().body("{\"device_ids\":\"august_device_1\"}")
			.post("/devices/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Expected array, received string for \"device_ids\""));
	}

	@Test
	void listWhenWrongMethodThenMethodNotAllowed() {
		asWorkspace1().delete("/devices/list").then().statusCode(405).body("error.type", equalTo("method_not_allowed"));
	}

}
