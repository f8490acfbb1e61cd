package dev.emulator.seam.device;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.SeamOpenApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every device object carries {@code properties.image_url} and {@code image_alt_text}
 * (BEHAVIOUR 6.6): a picture of its type on this server's public address, which answers a
 * PNG without a credential, whatever {@code Host} the reader sent. The shared context has
 * no {@code SEAM_PUBLIC_URL}, so the base is {@code http://localhost:<port>};
 * {@link DeviceImagePublicUrlTests} sets one.
 */
class DeviceImageTests extends ApiTest {

	private static final Map<String, String> SEED_TYPES = Map.of("august_device_1", "august_lock", "august_device_2",
			"august_lock", "ecobee_device_1", "ecobee_thermostat", "minut_device_1", "minut_sensor",
			"schlage_device_id", "schlage_lock");

	static RequestSpecification as(Credential credential) {
		return credential.request().filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

	private String imageUrl(String deviceType) {
		return "http://localhost:" + this.port + "/internal/devicedb_image_proxy?image_id=device_type." + deviceType;
	}

	@Test
	void listWhenSeedThenEveryDeviceHasThePictureOfItsTypeOnThisServer() {
		JsonPath devices = as(Credential.API_KEY).get("/devices/list").then().statusCode(200).extract().jsonPath();

		List<Map<String, Object>> listed = devices.getList("devices");
		assertThat(listed).hasSize(5);
		for (Map<String, Object> device : listed) {
			@SuppressWarnings("unchecked")
			Map<String, Object> properties = (Map<String, Object>) device.get("properties");
			String id = (String) device.get("device_id");
			assertThat(properties.get("image_url")).as(id).isEqualTo(imageUrl(SEED_TYPES.get(id)));
			// The fake's seed gives every device the model "Generic Device".
			assertThat(properties.get("image_alt_text")).as(id).isEqualTo("Generic Device");
			// The stored properties are all still there beside them.
			assertThat(properties).as(id).containsKeys("online", "name", "model", "battery_level");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "API_KEY", "CLIENT_SESSION_BEARER", "PERSONAL_ACCESS_TOKEN" })
	void everyRouteThatAnswersADeviceWhenReadThenImageUrlIsThere(Credential credential) {
		String lock = imageUrl("august_lock");
		String thermostat = imageUrl("ecobee_thermostat");
		as(credential).queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.properties.image_url", equalTo(lock));
		as(credential).queryParam("device_id", "august_device_1")
			.get("/locks/get")
			.then()
			.statusCode(200)
			.body("lock.properties.image_url", equalTo(lock))
			.body("device.properties.image_url", equalTo(lock));
		JsonPath locks = as(credential).get("/locks/list").then().statusCode(200).extract().jsonPath();
		for (String member : List.of("locks", "devices")) {
			List<String> types = locks.getList(member + ".device_type", String.class);
			assertThat(types).as(member).isNotEmpty();
			assertThat(locks.getList(member + ".properties.image_url", String.class)).as(member)
				.isEqualTo(types.stream().map(this::imageUrl).toList());
		}
		as(credential).queryParam("device_id", "ecobee_device_1")
			.get("/thermostats/get")
			.then()
			.statusCode(200)
			.body("thermostat.properties.image_url", equalTo(thermostat));
		as(credential).get("/thermostats/list")
			.then()
			.statusCode(200)
			.body("thermostats[0].properties.image_url", equalTo(thermostat))
			.body("devices[0].properties.image_url", equalTo(thermostat));
		as(credential).queryParam("device_id", "minut_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.properties.image_url", equalTo(imageUrl("minut_sensor")))
			.body("device.properties.image_alt_text", equalTo("Generic Device"));
	}

	@Test
	void getWhenSandboxConnectedLockThenAltTextIsItsManufacturerAndModel() {
		String webview = asWorkspace1().body("{\"accepted_providers\":[\"august\"]}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.extract()
			.path("connect_webview.connect_webview_id");
		List<String> deviceIds = asWorkspace1().body("{\"connect_webview_id\":\"" + webview + "\"}")
			.post("/_sandbox/connect_webviews/complete")
			.then()
			.statusCode(200)
			.extract()
			.path("device_ids");

		asWorkspace1().queryParam("device_id", deviceIds.get(0))
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.properties.image_url", equalTo(imageUrl("august_lock")))
			.body("device.properties.image_alt_text", equalTo("August Smart Lock"));
	}

	@Test
	void imageWhenFetchedWithoutCredentialThenAPngOfTheDeviceKind() throws IOException {
		byte[] lock = png(imageUrl("august_lock"));
		byte[] thermostat = png(imageUrl("ecobee_thermostat"));
		byte[] sensor = png(imageUrl("minut_sensor"));

		for (byte[] image : List.of(lock, thermostat, sensor)) {
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
			assertThat(decoded.getWidth()).isEqualTo(256);
			assertThat(decoded.getHeight()).isEqualTo(256);
		}
		assertThat(lock).isNotEqualTo(thermostat).isNotEqualTo(sensor);
		// One picture per kind of device: another lock type is drawn the same.
		assertThat(png(imageUrl("schlage_lock"))).isEqualTo(lock);
	}

	@Test
	void imageUrlWhenHostHeaderForgedThenStillThePublicBase() {
		asWorkspace1().header("Host", "evil.example.com")
			.queryParam("device_id", "august_device_1")
			.get("/devices/get")
			.then()
			.statusCode(200)
			.body("device.properties.image_url", equalTo(imageUrl("august_lock")));
		withApiKey(API_KEY_1).header("X-Forwarded-Host", "evil.example.com")
			.get("/devices/list")
			.then()
			.statusCode(200)
			.body("devices[0].properties.image_url", equalTo(imageUrl("august_lock")));
	}

	@Test
	void imageWhenDeviceTypeIsNotOneThenNotFound() {
		for (String id : List.of("device_type.", "device_type.../application.yml", "device_type.August_Lock",
				"device_type." + "x".repeat(65))) {
			anonymous().queryParam("image_id", id)
				.get("/internal/devicedb_image_proxy")
				.then()
				.statusCode(404)
				.body("error.type", equalTo("image_not_found"));
		}
	}

	private static byte[] png(String url) {
		// Fetched as a browser's img element does: no credential, no Origin.
		return RestAssured.given()
			.get(url)
			.then()
			.statusCode(200)
			.contentType("image/png")
			.header("Cache-Control", containsString("max-age=31536000"))
			.extract()
			.asByteArray();
	}

}
