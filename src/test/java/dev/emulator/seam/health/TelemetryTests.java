package dev.emulator.seam.health;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import static org.hamcrest.Matchers.equalTo;

/**
 * {@code POST /internal/tlmtry}: Seam Components' telemetry is answered without a
 * credential and dropped.
 */
class TelemetryTests extends ApiTest {

	@Test
	void telemetryWhenPostedWithoutCredentialThenOk() {
		RestAssured.given()
			.contentType(ContentType.JSON)
			.body("{\"event\":\"component_rendered\",\"properties\":{\"name\":\"DeviceTable\"}}")
			.post("/internal/tlmtry")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true));
	}

	@Test
	void telemetryWhenGetThenMethodNotAllowed() {
		RestAssured.given().get("/internal/tlmtry").then().statusCode(405);
	}

}
