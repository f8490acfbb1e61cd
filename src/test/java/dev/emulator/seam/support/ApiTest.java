package dev.emulator.seam.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Full-stack tests: the packaged application on a random port over real HTTP, on real
 * PostgreSQL ({@link TestDatabase}), with the seed fixture restored before every test
 * through {@code POST /_sandbox/reset}. Every test class extends this one unchanged, so
 * they all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "emulator.seed=true", "emulator.token-encryption-key=" + ApiTest.TOKEN_ENCRYPTION_KEY,
				"emulator.admin-token=" + ApiTest.ADMIN_TOKEN })
public abstract class ApiTest {

	public static final String API_KEY_1 = "seam_apikey1_token";

	public static final String API_KEY_2 = "seam_apikey2_token";

	public static final String SEED_CST = "seam_cst1_token";

	/** A fixed key, so that a test database reused between runs stays readable. */
	public static final String TOKEN_ENCRYPTION_KEY = "c2VhbS1lbXVsYXRvci10ZXN0LWtleS0zMi1ieXRlcyE=";

	/** The admin credential of the shared test context ({@code seam-admin-token}). */
	public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@BeforeEach
	void restoreSeed() {
		RestAssured.port = this.port;
		RestAssured.given().post("/_sandbox/reset").then().statusCode(200);
	}

	/**
	 * A request with no credential. Its response is validated against Seam's OpenAPI
	 * document ({@link SeamOpenApi}): a missing required key or a wrong type fails the
	 * test that made the request.
	 */
	protected static RequestSpecification anonymous() {
		return RestAssured.given().filter(SeamOpenApi.RESPONSE_VALIDATION).contentType(ContentType.JSON);
	}

	/**
	 * A request authenticated with an API key, as {@code SeamHttp.fromApiKey} sends it.
	 */
	protected static RequestSpecification withApiKey(String apiKey) {
		return anonymous().header("Authorization", "Bearer " + apiKey);
	}

	protected static RequestSpecification asWorkspace1() {
		return withApiKey(API_KEY_1);
	}

	protected static RequestSpecification asWorkspace2() {
		return withApiKey(API_KEY_2);
	}

}
