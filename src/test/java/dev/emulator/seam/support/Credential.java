package dev.emulator.seam.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The seed's credentials of workspace 1, one per way a client can present them (CONTRACT 6), for tests that check a
 * route against every credential kind.
 */
public enum Credential {

	/** {@code seam_apikey1_token} as a bearer token. */
	API_KEY,

	/** The seed's personal access token with {@code seam-workspace: seed_workspace_1}. */
	PERSONAL_ACCESS_TOKEN,

	/** {@code seam_cst1_token} as a bearer token. */
	CLIENT_SESSION_BEARER,

	/** {@code seam_cst1_token} in the {@code client-session-token} header. */
	CLIENT_SESSION_HEADER,

	/** {@code seam_pk1_token} with the seed session's user identifier key: valid, but only for session creation. */
	PUBLISHABLE_KEY;

	public static final String PAT = "seam_at1_shorttoken_longtoken";

	public RequestSpecification request() {
		RequestSpecification request = RestAssured.given().contentType(ContentType.JSON);
		return switch (this) {
			case API_KEY -> request.header("Authorization", "Bearer " + ApiTest.API_KEY_1);
			case PERSONAL_ACCESS_TOKEN ->
				request.header("Authorization", "Bearer " + PAT).header("seam-workspace", "seed_workspace_1");
			case CLIENT_SESSION_BEARER -> request.header("Authorization", "Bearer " + ApiTest.SEED_CST);
			case CLIENT_SESSION_HEADER -> request.header("client-session-token", ApiTest.SEED_CST);
			case PUBLISHABLE_KEY -> request.header("seam-publishable-key", "seam_pk1_token")
				.header("seam-user-identifier-key", "john_user_identifier_key");
		};
	}

	public boolean isClientSession() {
		return this == CLIENT_SESSION_BEARER || this == CLIENT_SESSION_HEADER;
	}

}
