package dev.emulator.seam.devicedb;

import java.io.IOException;
import java.io.InputStream;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.SeamOpenApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * {@code /internal/devicedb/v1/*} and the catalogue's images, against the bundled
 * catalogue: the manufacturer "Seam" and its model "Smart Lock" (BEHAVIOUR 4.9). The
 * filters on richer catalogues are in {@link DevicedbServiceTests}.
 */
class DevicedbRoutesTests extends ApiTest {

	static final String SEAM = "00000000-0000-0000-0000-000000000000";

	static final String UNKNOWN = "11111111-2222-3333-4444-555555555555";

	static final String[] ROUTES = { "/internal/devicedb/v1/manufacturers/list",
			"/internal/devicedb/v1/manufacturers/get?manufacturer_id=" + SEAM,
			"/internal/devicedb/v1/device_models/list",
			"/internal/devicedb/v1/device_models/get?device_model_id=" + SEAM };

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	String imageUrl() {
		return "http://localhost:" + this.port + "/internal/devicedb_image_proxy?image_id=" + SEAM;
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void manufacturersListWhenAcceptedCredentialThenTheCatalogueInSeamsShape(Credential credential) {
		as(credential).get("/internal/devicedb/v1/manufacturers/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("manufacturers.manufacturer_id", contains(SEAM))
			.body("manufacturers[0].display_name", equalTo("Seam"))
			.body("manufacturers[0].integration", equalTo("stable"))
			.body("manufacturers[0].integration_support_level", equalTo("stable"))
			.body("manufacturers[0].device_model_count", equalTo(1))
			.body("manufacturers[0].annotations[0].annotation_code", equalTo("subscription_required"))
			.body("manufacturers[0]", not(hasKey("annotation_map")))
			.body("manufacturers[0].logo.url", equalTo(imageUrl()))
			.body("manufacturers[0].logo.width", equalTo(96));
	}

	@Test
	void routesWhenPublishableKeyOrNoCredentialThenUnauthorized() {
		for (String route : ROUTES) {
			as(Credential.PUBLISHABLE_KEY).get(route)
				.then()
				.statusCode(401)
				.body("error.type", equalTo("unauthorized"));
			anonymous().get(route).then().statusCode(401).body("error.type", equalTo("unauthorized"));
			anonymous().header("Authorization", "Bearer seam_cst1_unknown")
				.get(route)
				.then()
				.statusCode(401)
				.body("error.type", equalTo("client_session_not_found"));
		}
	}

	@Test
	void routesWhenOtherWorkspaceOrOtherUsersSessionThenTheSameCatalogue() {
		String othersToken = Credential.API_KEY.request()
			.body("{\"user_identifier_key\":\"someone_else\"}")
			.post("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
		for (RequestSpecification caller : new RequestSpecification[] { asWorkspace2(),
				anonymous().header("Authorization", "Bearer " + othersToken) }) {
			caller.get("/internal/devicedb/v1/device_models/list")
				.then()
				.statusCode(200)
				.body("device_models.device_model_id", contains(SEAM));
		}
	}

	@Test
	void routesWhenPostThenMethodNotAllowed() {
		as(Credential.API_KEY).body("{}")
			.post("/internal/devicedb/v1/device_models/list")
			.then()
			.statusCode(405)
			.body("error.type", equalTo("method_not_allowed"));
	}

	@Test
	void manufacturersListWhenFiltersThenOnlyMatches() {
		assertManufacturers("integration_support_levels=stable&integration_support_levels=beta", 1);
		assertManufacturers("integration_support_levels%5B%5D=planned", 0);
		assertManufacturers("integration_status=stable", 1);
		assertManufacturers("liqe_query=" + encode("(display_name:\"Seam\" OR manufacturer_id:\"" + UNKNOWN + "\")"),
				1);
		assertManufacturers("liqe_query=" + encode("NOT (display_name:\"Seam\")"), 0);
		assertManufacturers("liqe_query=" + encode("manufacturer_id:none"), 0);
		assertManufacturers("liqe_query=" + encode("display_name:seam AND integration_support_level:stable"), 1);
	}

	@Test
	void manufacturersListWhenBadInputThenRefused() {
		as(Credential.API_KEY).queryParam("integration_support_levels", "soon")
			.get("/internal/devicedb/v1/manufacturers/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", containsString("integration_support_levels"));
		as(Credential.API_KEY).queryParam("liqe_query", "display_name:\"Seam")
			.get("/internal/devicedb/v1/manufacturers/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("liqe_syntax_error"));
	}

	@Test
	void manufacturersGetWhenIdThenItElseNotFoundOrInvalid() {
		as(Credential.CLIENT_SESSION_BEARER).queryParam("manufacturer_id", SEAM)
			.get("/internal/devicedb/v1/manufacturers/get")
			.then()
			.statusCode(200)
			.body("manufacturer.display_name", equalTo("Seam"))
			.body("manufacturer.device_model_count", equalTo(1));
		as(Credential.API_KEY).queryParam("manufacturer_id", UNKNOWN)
			.get("/internal/devicedb/v1/manufacturers/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("manufacturer_not_found"))
			.body("error.message", equalTo("Manufacturer not found"));
		as(Credential.API_KEY).queryParam("manufacturer_id", "seam")
			.get("/internal/devicedb/v1/manufacturers/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Invalid uuid for \"manufacturer_id\""));
		as(Credential.API_KEY).get("/internal/devicedb/v1/manufacturers/get")
			.then()
			.statusCode(400)
			.body("error.message", equalTo("manufacturer_id is required"));
	}

	@Test
	void deviceModelsListWhenNoFilterThenModelWithItsManufacturerAndImagesOnThisServer() {
		as(Credential.CLIENT_SESSION_HEADER).get("/internal/devicedb/v1/device_models/list")
			.then()
			.statusCode(200)
			.body("device_models.device_model_id", contains(SEAM))
			.body("device_models[0].display_name", equalTo("Smart Lock"))
			.body("device_models[0].main_category", equalTo("smartlock"))
			.body("device_models[0]", not(hasKey("manufacturer_id")))
			.body("device_models[0].manufacturer.manufacturer_id", equalTo(SEAM))
			.body("device_models[0].manufacturer", not(hasKey("device_model_count")))
			.body("device_models[0].physical_properties.lock_type", equalTo("deadbolt"))
			.body("device_models[0].software_features.can_program_access_codes", equalTo(true))
			.body("device_models[0].aesthetic_variants[0].slug", equalTo("grey"))
			.body("device_models[0].aesthetic_variants[0].front_image.url", equalTo(imageUrl()))
			.body("device_models[0].aesthetic_variants[0].images.size()", equalTo(0));
	}

	@Test
	void deviceModelsListWhenHostHeaderIsForgedThenImageUrlsStayOnThePublicAddress() {
		as(Credential.API_KEY).header("Host", "attacker.example")
			.get("/internal/devicedb/v1/device_models/list")
			.then()
			.statusCode(200)
			.body("device_models[0].aesthetic_variants[0].front_image.url", equalTo(imageUrl()))
			.body("device_models[0].manufacturer.logo.url", equalTo(imageUrl()));
	}

	@Test
	void deviceModelsListWhenFiltersThenOnlyMatches() {
		assertModels("text_search=smart", 1);
		assertModels("text_search=LOCK", 1);
		assertModels("text_search=thermostat", 0);
		assertModels("main_category=smartlock", 1);
		assertModels("main_category=thermostat", 0);
		assertModels("manufacturer_id=" + SEAM, 1);
		assertModels("manufacturer_id=" + UNKNOWN, 0);
		assertModels("manufacturer_ids=" + UNKNOWN + "," + SEAM, 1);
		assertModels("manufacturer_ids=" + UNKNOWN, 0);
		assertModels("integration_support_levels=stable&integration_support_levels=beta", 1);
		assertModels("integration_support_levels=planned", 0);
		assertModels("include_if=can_remotely_unlock&include_if=software_features.can_program_access_codes", 1);
		assertModels("include_if=can_remotely_lock", 0);
		assertModels("exclude_if=physical_properties.has_camera", 1);
		assertModels("exclude_if=physical_properties.has_physical_key", 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "main_category=doorbell", "manufacturer_id=seam", "manufacturer_ids=seam",
			"integration_support_levels=soon", "integration_status=soon", "include_if=Can-Unlock",
			"exclude_if=_private" })
	void deviceModelsListWhenBadInputThenInvalidInput(String query) {
		as(Credential.API_KEY).urlEncodingEnabled(false)
			.get("/internal/devicedb/v1/device_models/list?" + query)
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", containsString(query.substring(0, query.indexOf('='))));
	}

	@Test
	void deviceModelsGetWhenIdThenItElseNotFoundOrInvalid() {
		as(Credential.PERSONAL_ACCESS_TOKEN).queryParam("device_model_id", SEAM)
			.get("/internal/devicedb/v1/device_models/get")
			.then()
			.statusCode(200)
			.body("device_model.display_name", equalTo("Smart Lock"))
			.body("device_model.manufacturer.display_name", equalTo("Seam"));
		as(Credential.API_KEY).queryParam("device_model_id", UNKNOWN)
			.get("/internal/devicedb/v1/device_models/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_model_not_found"))
			.body("error.message", equalTo("Device model not found"));
		as(Credential.API_KEY).queryParam("device_model_id", "smart-lock")
			.get("/internal/devicedb/v1/device_models/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"));
	}

	@Test
	void imageWhenNamedByTheCatalogueThenThePngWithoutCredential() throws IOException {
		byte[] bundled;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("devicedb/images/" + SEAM + ".png")) {
			bundled = in.readAllBytes();
		}
		byte[] served = anonymous().queryParam("image_id", SEAM)
			.get("/internal/devicedb_image_proxy")
			.then()
			.statusCode(200)
			.contentType("image/png")
			.header("Cache-Control", containsString("max-age=31536000"))
			.extract()
			.asByteArray();
		assertThat(served).isEqualTo(bundled);
	}

	@Test
	void imageWhenUnknownOrMissingIdThenNotFoundOrInvalidInput() {
		anonymous().queryParam("image_id", UNKNOWN)
			.get("/internal/devicedb_image_proxy")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("image_not_found"));
		anonymous().queryParam("image_id", "../../application.yml")
			.get("/internal/devicedb_image_proxy")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("image_not_found"));
		anonymous().get("/internal/devicedb_image_proxy").then().statusCode(400);
	}

	private void assertModels(String query, int count) {
		as(Credential.API_KEY).urlEncodingEnabled(false)
			.get("/internal/devicedb/v1/device_models/list?" + query)
			.then()
			.statusCode(200)
			.body("device_models.size()", equalTo(count));
	}

	private void assertManufacturers(String query, int count) {
		as(Credential.API_KEY).urlEncodingEnabled(false)
			.get("/internal/devicedb/v1/manufacturers/list?" + query)
			.then()
			.statusCode(200)
			.body("manufacturers.size()", equalTo(count));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
