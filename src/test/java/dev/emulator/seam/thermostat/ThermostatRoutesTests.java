package dev.emulator.seam.thermostat;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * {@code /thermostats/*} against the seed thermostat {@code ecobee_device_1} (John's).
 */
class ThermostatRoutesTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void listAndGetWhenAcceptedCredentialThenTheSeedThermostatWithWhatComponentsNeed(Credential credential) {
		as(credential).get("/thermostats/list")
			.then()
			.statusCode(200)
			.body("thermostats.device_id", contains("ecobee_device_1"))
			.body("devices.device_id", contains("ecobee_device_1"));
		as(credential).queryParam("device_id", "ecobee_device_1")
			.get("/thermostats/get")
			.then()
			.statusCode(200)
			.body("thermostat.capabilities_supported", contains("thermostat"))
			.body("thermostat.properties.available_hvac_mode_settings", hasItems("heat", "cool", "heat_cool", "off"))
			.body("thermostat.properties.available_climate_presets.climate_preset_key", contains("home", "away"))
			.body("thermostat.properties.current_climate_setting.hvac_mode_setting", equalTo("cool"));
	}

	@Test
	void getWhenNotAThermostatThenDeviceNotFound() {
		as(Credential.API_KEY).queryParam("device_id", "august_device_1")
			.get("/thermostats/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void heatCoolWhenAcceptedCredentialThenAttemptSucceedsAndSettingStoredAndEvent(Credential credential) {
		JsonPath started = as(credential).body(
				"{\"device_id\":\"ecobee_device_1\",\"heating_set_point_celsius\":19,\"cooling_set_point_fahrenheit\":77}")
			.post("/thermostats/heat_cool")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("SET_HVAC_MODE"))
			.body("action_attempt.status", equalTo("pending"))
			.extract()
			.jsonPath();
		awaitSuccess(credential, started.getString("action_attempt.action_attempt_id"));
		as(credential).queryParam("device_id", "ecobee_device_1")
			.get("/thermostats/get")
			.then()
			.statusCode(200)
			.body("thermostat.properties.current_climate_setting.hvac_mode_setting", equalTo("heat_cool"))
			.body("thermostat.properties.current_climate_setting.heating_set_point_celsius", equalTo(19.0f))
			.body("thermostat.properties.current_climate_setting.cooling_set_point_celsius", equalTo(25.0f))
			.body("thermostat.properties.current_climate_setting.automatic_heating_enabled", equalTo(true));
		assertThat(eventCount("thermostat.manually_adjusted")).isEqualTo(1);
	}

	@Test
	void offAndSetFanModeWhenSyncThenStoredAtOnce() {
		as(Credential.API_KEY).body("{\"device_id\":\"ecobee_device_1\",\"sync\":true}")
			.post("/thermostats/off")
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("success"));
		as(Credential.CLIENT_SESSION_BEARER)
			.body("{\"device_id\":\"ecobee_device_1\",\"fan_mode_setting\":\"on\",\"sync\":true}")
			.post("/thermostats/set_fan_mode")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("SET_FAN_MODE"))
			.body("action_attempt.status", equalTo("success"));
		assertThat(property("current_climate_setting,hvac_mode_setting")).isEqualTo("off");
		assertThat(property("fan_mode_setting")).isEqualTo("on");
	}

	@Test
	void setHvacModeWhenHeatThenHeatingSetPointStored() {
		as(Credential.PERSONAL_ACCESS_TOKEN).body(
				"{\"device_id\":\"ecobee_device_1\",\"hvac_mode_setting\":\"heat\",\"heating_set_point_celsius\":21,\"sync\":true}")
			.post("/thermostats/set_hvac_mode")
			.then()
			.statusCode(200)
			.body("action_attempt.status", equalTo("success"));
		assertThat(property("current_climate_setting,hvac_mode_setting")).isEqualTo("heat");
		assertThat(property("current_climate_setting,heating_set_point_celsius")).isEqualTo("21.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"device_id\":\"ecobee_device_1\",\"heating_set_point_celsius\":19}",
			"{\"device_id\":\"ecobee_device_1\",\"heating_set_point_celsius\":19,\"cooling_set_point_celsius\":20}",
			"{\"device_id\":\"ecobee_device_1\",\"heating_set_point_celsius\":1,\"cooling_set_point_celsius\":25}",
			"{\"device_id\":\"ecobee_device_1\",\"heating_set_point_celsius\":\"warm\",\"cooling_set_point_celsius\":25}",
			"{\"device_id\":\"ecobee_device_1\",\"heating_set_point_celsius\":19,\"heating_set_point_fahrenheit\":66,\"cooling_set_point_celsius\":25}" })
	void heatCoolWhenBadInputThen400AndNothingChanged(String body) {
		as(Credential.API_KEY).body(body).post("/thermostats/heat_cool").then().statusCode(400);
		assertThat(property("current_climate_setting,hvac_mode_setting")).isEqualTo("cool");
		assertThat(attemptCount()).isZero();
	}

	@Test
	void setFanModeWhenUnknownModeThenInvalidInput() {
		as(Credential.API_KEY).body("{\"device_id\":\"ecobee_device_1\",\"fan_mode_setting\":\"turbo\"}")
			.post("/thermostats/set_fan_mode")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		assertThat(attemptCount()).isZero();
	}

	@Test
	void coolWhenNotAThermostatThenDeviceNotFound() {
		as(Credential.API_KEY).body("{\"device_id\":\"august_device_1\",\"cooling_set_point_celsius\":22}")
			.post("/thermostats/cool")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@Test
	void coolWhenOtherWorkspaceThenDeviceNotFoundAndNothingChanged() {
		asWorkspace2().body("{\"device_id\":\"ecobee_device_1\",\"cooling_set_point_celsius\":22}")
			.post("/thermostats/cool")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		assertThat(attemptCount()).isZero();
	}

	@Test
	void heatWhenPublishableKeyThenUnauthorized() {
		as(Credential.PUBLISHABLE_KEY).body("{\"device_id\":\"ecobee_device_1\"}")
			.post("/thermostats/heat")
			.then()
			.statusCode(401);
	}

	@Test
	void heatWhenClientSessionOfAnotherUserThenRefusedAsDevicesGet() {
		String token = Credential.API_KEY.request()
			.body("{\"user_identifier_key\":\"someone_else\"}")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
		anonymous().header("Authorization", "Bearer " + token)
			.body("{\"device_id\":\"ecobee_device_1\",\"heating_set_point_celsius\":20}")
			.post("/thermostats/heat")
			.then()
			.statusCode(401)
			.body("error.message", equalTo("Not authorized to view this device"));
		assertThat(attemptCount()).isZero();
	}

	private void awaitSuccess(Credential credential, String attemptId) {
		for (int i = 0; i < 50; i++) {
			String status = as(credential).queryParam("action_attempt_id", attemptId)
				.get("/action_attempts/get")
				.then()
				.statusCode(200)
				.extract()
				.path("action_attempt.status");
			if ("success".equals(status)) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("attempt " + attemptId + " did not succeed");
	}

	private String property(String path) {
		return this.jdbc
			.sql("select properties #>> cast(:path as text[]) from devices where device_id = 'ecobee_device_1'")
			.param("path", "{" + path + "}")
			.query(String.class)
			.single();
	}

	private int attemptCount() {
		return this.jdbc.sql("select count(*) from action_attempts where device_id = 'ecobee_device_1'")
			.query(Integer.class)
			.single();
	}

	private int eventCount(String type) {
		return this.jdbc
			.sql("select count(*) from events where workspace_id = 'seed_workspace_1' and event_type = :type")
			.param("type", type)
			.query(Integer.class)
			.single();
	}

}
