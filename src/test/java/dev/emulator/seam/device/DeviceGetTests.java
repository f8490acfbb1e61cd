package dev.emulator.seam.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** {@code /devices/get} against the seed (BEHAVIOUR 4.3, 7.1). */
class DeviceGetTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void getWhenAcceptedCredentialAndOwnDeviceThenDevice(Credential credential) {
		credential.request()
			.queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("device.device_id", equalTo("august_device_1"))
			.body("device.workspace_id", equalTo("seed_workspace_1"))
			.body("device.properties.appearance.name", equalTo("Front Door"))
			.body("device.can_remotely_unlock", equalTo(true))
			.body("device.errors.size()", equalTo(0))
			.body("device", not(hasKey("attributes")));
	}

	@Test
	void getWhenSeedNoiseSensorThenItsLatestSoundReadingIsItsNoiseLevel() {
		// Seam Components show a Minut sensor's noise level from minut_metadata, not
		// from noise_level_decibels: without it they say "Unknown".
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("device_id", "minut_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.properties.noise_level_decibels", equalTo(70))
			.body("device.properties.minut_metadata.device_name", equalTo("Minut Sensor 1"))
			.body("device.properties.minut_metadata.latest_sensor_values.sound.value", equalTo(70))
			.body("device.properties.minut_metadata.latest_sensor_values.sound.time",
					matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
	}

	@Test
	void getWhenSeedThermostatThenItSaysWhetherItHeatsCoolsOrRunsItsFan() {
		// Seam Components' thermostat card shows its system status from these three.
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("device_id", "ecobee_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.properties.is_heating", equalTo(false))
			.body("device.properties.is_cooling", equalTo(false))
			.body("device.properties.is_fan_running", equalTo(true));
	}

	@Test
	void getWhenPublishableKeyThenUnauthorized() {
		Credential.PUBLISHABLE_KEY.request()
			.queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenNoCredentialThenUnauthorized() {
		anonymous().queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER" })
	void getWhenClientSessionAndDeviceOfAnotherAccountThenUnauthorized(Credential credential) {
		credential.request()
			.queryParam("device_id", "schlage_device_id")
			.get("/devices/get")
			.then()
			.statusCode(401)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("Not authorized to view this device"));
	}

	@Test
	void getWhenApiKeyAndAnyDeviceOfTheWorkspaceThenDevice() {
		asWorkspace1().queryParam("device_id", "schlage_device_id")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.connected_account_id", equalTo("jane_connected_account_id"));
	}

	@Test
	void getWhenPostBodyThenDevice() {
		asWorkspace1().body("{\"device_id\":\"ecobee_device_1\"}")
			.post("/devices/get")
			.then()
			.statusCode(200)
			.body("device.device_type", equalTo("ecobee_thermostat"))
			.body("device.properties.current_climate_setting.hvac_mode_setting", equalTo("cool"))
			.body("device.can_hvac_cool", equalTo(true));
	}

	@Test
	void getWhenUnknownDeviceThenDeviceNotFound() {
		asWorkspace1().queryParam("device_id", "no_such_device")
			.get("/devices/get")
			.then()
			.statusCode(404)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("device_not_found"))
			.body("error.message", equalTo("Device not found"));
	}

	@Test
	void getWhenClientSessionAndUnknownDeviceThenDeviceNotFound() {
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("device_id", "no_such_device")
			.get("/devices/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@Test
	void getWhenOtherWorkspaceThenDeviceNotFound() {
		asWorkspace2().queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		asWorkspace2().queryParam("name", "Bathroom Door")
			.get("/devices/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@Test
	void getWhenNeitherIdNorNameThenInvalidInput() {
		asWorkspace1().get("/devices/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Either 'device_id' or 'name' is required"))
			.body("error.validation_errors._errors", contains("Either 'device_id' or 'name' is required"));
	}

	@Test
	void getWhenEmptyIdThenInvalidInput() {
		asWorkspace1().body("{\"device_id\":\"\"}")
			.post("/devices/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
	}

	@Test
	void getWhenIdIsNotAStringThenInvalidInputNamingIt() {
		asWorkspace1().body("{\"device_id\":123}")
			.post("/devices/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Expected string, received number for \"device_id\""));
	}

	@Test
	void getWhenNameThenDeviceWithThatPropertiesName() {
		asWorkspace1().queryParam("name", "Fake August Lock 2")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.device_id", equalTo("august_device_2"));
	}

	@Test
	void getWhenClientSessionAndNameOfAnotherAccountsDeviceThenUnauthorized() {
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("name", "Bathroom Door")
			.get("/devices/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenIdAndNameDisagreeThenDeviceNotFound() {
		asWorkspace1().queryParam("device_id", "august_device_1")
			.queryParam("name", "Bathroom Door")
			.get("/devices/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@Test
	void getWhenDeviceIsUnmanagedThenDeviceNotFound() {
		this.jdbc.sql("""
				insert into devices (device_id, workspace_id, connected_account_id, device_type, display_name,
				                     is_managed, created_at)
				values ('unmanaged_device', 'seed_workspace_1', 'john_connected_account_id', 'august_lock', 'U',
				        false, now())""").update();
		asWorkspace1().queryParam("device_id", "unmanaged_device")
			.get("/devices/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@Test
	void getWhenNicknameSetThenItIsTheDisplayName() {
		this.jdbc.sql("update devices set nickname = 'Porch' where device_id = 'august_device_1'").update();
		asWorkspace1().queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.nickname", equalTo("Porch"))
			.body("device.display_name", equalTo("Porch"));
	}

	@Test
	void getWhenWrongMethodThenMethodNotAllowed() {
		asWorkspace1().queryParam("device_id", "august_device_1")
			.put("/devices/get")
			.then()
			.statusCode(405)
			.body("error.type", equalTo("method_not_allowed"));
	}

}
