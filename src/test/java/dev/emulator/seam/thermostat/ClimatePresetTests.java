package dev.emulator.seam.thermostat;

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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The climate preset routes against the seed thermostat {@code ecobee_device_1} (presets
 * home and away).
 */
class ClimatePresetTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void createUpdateDeleteWhenAcceptedCredentialThenPresetsShowIt(Credential credential) {
		as(credential)
			.body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"sleep\",\"name\":\"Sleep\","
					+ "\"hvac_mode_setting\":\"heat\",\"heating_set_point_fahrenheit\":64.4}")
			.post("/thermostats/create_climate_preset")
			.then()
			.statusCode(200);
		as(credential).body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"sleep\",\"name\":\"Night\"}")
			.patch("/thermostats/update_climate_preset")
			.then()
			.statusCode(200);
		as(credential).queryParam("device_id", "ecobee_device_1")
			.get("/thermostats/get")
			.then()
			.statusCode(200)
			.body("thermostat.properties.available_climate_presets.climate_preset_key",
					contains("home", "away", "sleep"))
			.body("thermostat.properties.available_climate_presets[2].display_name", equalTo("Night"))
			.body("thermostat.properties.available_climate_presets[2].heating_set_point_celsius", equalTo(18.0f));
		as(credential).body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"away\"}")
			.post("/thermostats/delete_climate_preset")
			.then()
			.statusCode(200);
		assertThat(presetKeys()).isEqualTo("[\"home\", \"sleep\"]");
	}

	@Test
	void createWhenKeyExistsThen400AndNothingChanged() {
		as(Credential.API_KEY).body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"home\"}")
			.post("/thermostats/create_climate_preset")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("climate_preset_already_exists"));
		assertThat(presetKeys()).isEqualTo("[\"home\", \"away\"]");
	}

	@Test
	void updateWhenBadModeThenInvalidInputAndNothingChanged() {
		as(Credential.API_KEY)
			.body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"home\",\"hvac_mode_setting\":\"boil\"}")
			.post("/thermostats/update_climate_preset")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		assertThat(presetKeys()).isEqualTo("[\"home\", \"away\"]");
	}

	@Test
	void deleteWhenUnknownKeyOrOtherWorkspaceThen404() {
		as(Credential.API_KEY).body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"nope\"}")
			.post("/thermostats/delete_climate_preset")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("climate_preset_not_found"));
		asWorkspace2().body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"home\"}")
			.post("/thermostats/delete_climate_preset")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		assertThat(presetKeys()).isEqualTo("[\"home\", \"away\"]");
	}

	@Test
	void activateWhenApiKeyThenAttemptSetsCurrentSettingAndEvent() {
		String id = as(Credential.API_KEY).body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"away\"}")
			.post("/thermostats/activate_climate_preset")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("ACTIVATE_CLIMATE_PRESET"))
			.extract()
			.path("action_attempt.action_attempt_id");
		for (int i = 0; i < 50 && !"success".equals(status(id)); i++) {
			sleep();
		}
		assertThat(status(id)).isEqualTo("success");
		assertThat(this.jdbc.sql("""
				select properties #>> '{current_climate_setting,climate_preset_key}' || ' '
				       || (properties #>> '{current_climate_setting,hvac_mode_setting}')
				from devices where device_id = 'ecobee_device_1'""").query(String.class).single())
			.isEqualTo("away heat_cool");
		assertThat(this.jdbc.sql("""
				select count(*) from events
				where workspace_id = 'seed_workspace_1' and event_type = 'thermostat.climate_preset_activated'""")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void activateWhenClientSessionThenUnauthorizedAsSeamsDocumentGivesNoSessionThisRoute() {
		as(Credential.CLIENT_SESSION_BEARER).body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"away\"}")
			.post("/thermostats/activate_climate_preset")
			.then()
			.statusCode(401);
	}

	@Test
	void createWhenClientSessionOfAnotherUserThenRefusedAsDevicesGet() {
		String token = Credential.API_KEY.request()
			.body("{\"user_identifier_key\":\"someone_else\"}")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
		anonymous().header("Authorization", "Bearer " + token)
			.body("{\"device_id\":\"ecobee_device_1\",\"climate_preset_key\":\"mine\"}")
			.post("/thermostats/create_climate_preset")
			.then()
			.statusCode(401);
		assertThat(presetKeys()).isEqualTo("[\"home\", \"away\"]");
	}

	private String status(String attemptId) {
		return as(Credential.API_KEY).queryParam("action_attempt_id", attemptId)
			.get("/action_attempts/get")
			.then()
			.statusCode(200)
			.extract()
			.path("action_attempt.status");
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String presetKeys() {
		return this.jdbc.sql("""
				select jsonb_path_query_array(properties, '$.available_climate_presets[*].climate_preset_key')::text
				from devices where device_id = 'ecobee_device_1'""").query(String.class).single();
	}

}
