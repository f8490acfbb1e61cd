package dev.emulator.seam.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The seed's credentials of workspace 1, one per way a client can present them (BEHAVIOUR
 * 7.1), for tests that check a route against every credential kind.
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

	/**
	 * {@code seam_pk1_token} with the seed session's user identifier key: valid, but only
	 * for session creation.
	 */
	PUBLISHABLE_KEY,

	/**
	 * A console session token of the seed's user session (John) with
	 * {@code seam-workspace: seed_workspace_1}.
	 */
	CONSOLE_SESSION;

	public static final String PAT = "seam_at1_shorttoken_longtoken";

	/**
	 * A console session token as Seam's fake makes them: HS256 over {@code user_id} and
	 * {@code key}.
	 */
	public static String consoleSessionToken(String userId, String key, String secret) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
					new JWTClaimsSet.Builder().claim("user_id", userId).claim("key", key).build());
			byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
			jwt.sign(new MACSigner((bytes.length >= 32) ? bytes : Arrays.copyOf(bytes, 32)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The seed user's console session token, signed with the seed's secret. */
	public static String seedConsoleSessionToken() {
		return consoleSessionToken("john_user_id", "john_user_key", "secret");
	}

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
			case CONSOLE_SESSION -> request.header("Authorization", "Bearer " + seedConsoleSessionToken())
				.header("seam-workspace", "seed_workspace_1");
		};
	}

	public boolean isClientSession() {
		return this == CLIENT_SESSION_BEARER || this == CLIENT_SESSION_HEADER;
	}

}
