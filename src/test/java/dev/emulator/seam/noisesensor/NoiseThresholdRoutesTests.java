package dev.emulator.seam.noisesensor;

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

/**
 * {@code /noise_sensors/noise_thresholds/*} against the seed sensor
 * {@code minut_device_1} (John's).
 */
class NoiseThresholdRoutesTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void listWhenAcceptedCredentialThenTheSeedThreshold(Credential credential) {
		as(credential).queryParam("device_id", "minut_device_1")
			.get("/noise_sensors/noise_thresholds/list")
			.then()
			.statusCode(200)
			.body("noise_thresholds.noise_threshold_id", contains("noise_threshold1"))
			.body("noise_thresholds[0].noise_threshold_decibels", equalTo(60.0f));
	}

	@Test
	void listWhenOtherWorkspaceThenDeviceNotFound() {
		asWorkspace2().queryParam("device_id", "minut_device_1")
			.get("/noise_sensors/noise_thresholds/list")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
	}

	@Test
	void listWhenNotANoiseSensorThenDeviceNotFound() {
		as(Credential.API_KEY).queryParam("device_id", "august_device_1")
			.get("/noise_sensors/noise_thresholds/list")
			.then()
			.statusCode(404);
	}

	@Test
	void listWhenClientSessionOfAnotherUserThenRefusedAsDevicesGet() {
		String token = Credential.API_KEY.request()
			.body("{\"user_identifier_key\":\"someone_else\"}")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
		anonymous().header("Authorization", "Bearer " + token)
			.queryParam("device_id", "minut_device_1")
			.get("/noise_sensors/noise_thresholds/list")
			.then()
			.statusCode(401)
			.body("error.message", equalTo("Not authorized to view this device"));
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "API_KEY", "PERSONAL_ACCESS_TOKEN", "CONSOLE_SESSION" })
	void getWhenWorkspaceCredentialThenTheThresholdByGetAndPost(Credential credential) {
		as(credential).queryParam("noise_threshold_id", "noise_threshold1")
			.get("/noise_sensors/noise_thresholds/get")
			.then()
			.statusCode(200)
			.body("noise_threshold.noise_threshold_id", equalTo("noise_threshold1"))
			.body("noise_threshold.device_id", equalTo("minut_device_1"))
			.body("noise_threshold.name", equalTo("Quiet hours"))
			.body("noise_threshold.noise_threshold_decibels", equalTo(60.0f));
		as(credential).body("{\"noise_threshold_id\":\"noise_threshold1\"}")
			.post("/noise_sensors/noise_thresholds/get")
			.then()
			.statusCode(200)
			.body("noise_threshold.noise_threshold_id", equalTo("noise_threshold1"));
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class,
			names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER", "PUBLISHABLE_KEY" })
	void getWhenClientSessionOrPublishableKeyThenUnauthorizedAsSeamsDocumentListsNeither(Credential credential) {
		as(credential).queryParam("noise_threshold_id", "noise_threshold1")
			.get("/noise_sensors/noise_thresholds/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenOtherWorkspaceOrUnknownThenNoiseThresholdNotFound() {
		asWorkspace2().queryParam("noise_threshold_id", "noise_threshold1")
			.get("/noise_sensors/noise_thresholds/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("noise_threshold_not_found"));
		as(Credential.API_KEY).queryParam("noise_threshold_id", "unknown-threshold")
			.get("/noise_sensors/noise_thresholds/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("noise_threshold_not_found"));
	}

	@Test
	void getWhenNoIdOrWrongTypeThenInvalidInput() {
		as(Credential.API_KEY).get("/noise_sensors/noise_thresholds/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		as(Credential.API_KEY).body("{\"noise_threshold_id\":7}")
			.post("/noise_sensors/noise_thresholds/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		as(Credential.API_KEY).queryParam("noise_threshold_id", "noise_threshold1")
			.delete("/noise_sensors/noise_thresholds/get")
			.then()
			.statusCode(405);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "API_KEY", "PERSONAL_ACCESS_TOKEN" })
	void createUpdateDeleteWhenWorkspaceCredentialThenStoredAndListed(Credential credential) {
		String id = as(credential)
			.body("{\"device_id\":\"minut_device_1\",\"name\":\"Day\",\"starts_daily_at\":\"08:00:00[UTC]\","
					+ "\"ends_daily_at\":\"22:00:00[UTC]\",\"noise_threshold_decibels\":75}")
			.post("/noise_sensors/noise_thresholds/create")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("CREATE_NOISE_THRESHOLD"))
			.body("noise_threshold.name", equalTo("Day"))
			.extract()
			.path("noise_threshold.noise_threshold_id");
		as(credential)
			.body("{\"device_id\":\"minut_device_1\",\"noise_threshold_id\":\"" + id
					+ "\",\"noise_threshold_decibels\":80}")
			.patch("/noise_sensors/noise_thresholds/update")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("UPDATE_NOISE_THRESHOLD"));
		assertThat(this.jdbc.sql("select noise_threshold_decibels from noise_thresholds where noise_threshold_id = :id")
			.param("id", id)
			.query(Double.class)
			.single()).isEqualTo(80.0);
		as(credential).body("{\"device_id\":\"minut_device_1\",\"noise_threshold_id\":\"" + id + "\"}")
			.post("/noise_sensors/noise_thresholds/delete")
			.then()
			.statusCode(200)
			.body("action_attempt.action_type", equalTo("DELETE_NOISE_THRESHOLD"));
		as(credential).queryParam("device_id", "minut_device_1")
			.get("/noise_sensors/noise_thresholds/list")
			.then()
			.body("noise_thresholds.noise_threshold_id", contains("noise_threshold1"));
	}

	@Test
	void createWhenClientSessionThenUnauthorizedAsSeamsDocumentGivesNoSessionThisRoute() {
		as(Credential.CLIENT_SESSION_BEARER).body(
				"{\"device_id\":\"minut_device_1\",\"starts_daily_at\":\"a\",\"ends_daily_at\":\"b\",\"noise_threshold_decibels\":75}")
			.post("/noise_sensors/noise_thresholds/create")
			.then()
			.statusCode(401);
		assertThat(count()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"device_id\":\"minut_device_1\",\"starts_daily_at\":\"a\",\"ends_daily_at\":\"b\"}",
			"{\"device_id\":\"minut_device_1\",\"starts_daily_at\":\"a\",\"ends_daily_at\":\"b\",\"noise_threshold_decibels\":\"loud\"}",
			"{\"device_id\":\"minut_device_1\",\"starts_daily_at\":\"a\",\"ends_daily_at\":\"b\",\"noise_threshold_decibels\":1,\"noise_threshold_nrs\":2}",
			"{\"device_id\":\"minut_device_1\",\"noise_threshold_decibels\":70}" })
	void createWhenBadInputThenInvalidInputAndNothingStored(String body) {
		as(Credential.API_KEY).body(body)
			.post("/noise_sensors/noise_thresholds/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void deleteWhenOtherWorkspaceThenNotFoundAndKept() {
		asWorkspace2().body("{\"device_id\":\"minut_device_1\",\"noise_threshold_id\":\"noise_threshold1\"}")
			.post("/noise_sensors/noise_thresholds/delete")
			.then()
			.statusCode(404);
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void updateWhenUnknownThresholdThenNotFound() {
		as(Credential.API_KEY).body("{\"device_id\":\"minut_device_1\",\"noise_threshold_id\":\"nope\",\"name\":\"x\"}")
			.put("/noise_sensors/noise_thresholds/update")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("noise_threshold_not_found"));
	}

	private int count() {
		return this.jdbc.sql("select count(*) from noise_thresholds where workspace_id = 'seed_workspace_1'")
			.query(Integer.class)
			.single();
	}

}
