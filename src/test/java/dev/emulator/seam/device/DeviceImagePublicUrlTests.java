package dev.emulator.seam.device;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.SeamOpenApi;
import dev.emulator.seam.support.TestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.hamcrest.Matchers.equalTo;

/**
 * With {@code SEAM_PUBLIC_URL} set, a device's {@code properties.image_url} is on that
 * address, whatever the request's {@code Host} (BEHAVIOUR 6.6), and the path it names is
 * the image this server answers. Not an {@code ApiTest}, whose shared context has no
 * public URL; a context of its own on the same database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "emulator.seed=true", "emulator.token-encryption-key=" + ApiTest.TOKEN_ENCRYPTION_KEY,
				"emulator.public-url=" + DeviceImagePublicUrlTests.PUBLIC_URL + "/" })
class DeviceImagePublicUrlTests {

	static final String PUBLIC_URL = "https://seam.example.test/emulator";

	private static final String PATH = "/internal/devicedb_image_proxy?image_id=device_type.august_lock";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void restoreSeed() {
		request().post("/_sandbox/reset").then().statusCode(200);
	}

	@Test
	void imageUrlWhenPublicUrlConfiguredThenOnItWhateverTheHost() {
		for (String host : new String[] { "localhost:" + this.port, "evil.example.com" }) {
			request().header("Authorization", "Bearer " + ApiTest.API_KEY_1)
				.header("Host", host)
				.queryParam("device_id", "august_device_1")
				.get("/devices/get")
				.then()
				.statusCode(200)
				.body("device.properties.image_url", equalTo(PUBLIC_URL + PATH));
		}
		// The configured address is where clients reach this server (a proxy in front
		// strips its path): the same path and query here answer the picture.
		request().get(PATH).then().statusCode(200).contentType("image/png");
	}

	// The port is given per request: RestAssured.port is global and ApiTest classes set
	// it to their own server.
	private RequestSpecification request() {
		return RestAssured.given().port(this.port).filter(SeamOpenApi.RESPONSE_VALIDATION);
	}

}
