package dev.emulator.seam.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;
import dev.emulator.seam.support.SeamOpenApi;

import static dev.emulator.seam.support.Credential.API_KEY;
import static dev.emulator.seam.support.Credential.CLIENT_SESSION_BEARER;
import static dev.emulator.seam.support.Credential.CLIENT_SESSION_HEADER;
import static dev.emulator.seam.support.Credential.PERSONAL_ACCESS_TOKEN;
import static dev.emulator.seam.support.Credential.PUBLISHABLE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every credential kind (and none) on every client session route (BEHAVIOUR 2.5):
 * accepted ones get 200, every other one 401 {@code unauthorized}.
 */
class ClientSessionRouteCredentialMatrixTests extends ApiTest {

	enum Route {

		CREATE("PUT", "/client_sessions/create", "{\"user_identifier_key\":\"matrix-user\"}", null,
				EnumSet.of(API_KEY, PERSONAL_ACCESS_TOKEN, PUBLISHABLE_KEY)),
		GET("GET", "/client_sessions/get", null, "client_session_id=cst1",
				EnumSet.of(API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION_BEARER, CLIENT_SESSION_HEADER)),
		GET_OR_CREATE("POST", "/client_sessions/get_or_create",
				"{\"user_identifier_key\":\"john_user_identifier_key\"}", null,
				EnumSet.of(API_KEY, PERSONAL_ACCESS_TOKEN, PUBLISHABLE_KEY)),
		LIST("GET", "/client_sessions/list", null, null, EnumSet.of(API_KEY, PERSONAL_ACCESS_TOKEN)),
		GRANT_ACCESS("PATCH", "/client_sessions/grant_access",
				"{\"client_session_id\":\"cst1\",\"connected_account_ids\":[\"jane_connected_account_id\"]}", null,
				EnumSet.of(API_KEY, PERSONAL_ACCESS_TOKEN)),
		REVOKE("POST", "/client_sessions/revoke", "{\"client_session_id\":\"cst1\"}", null,
				EnumSet.of(API_KEY, PERSONAL_ACCESS_TOKEN)),
		DELETE("DELETE", "/client_sessions/delete", null, "client_session_id=cst1",
				EnumSet.of(API_KEY, PERSONAL_ACCESS_TOKEN));

		final String method;

		final String path;

		final String body;

		final String query;

		final Set<Credential> accepted;

		Route(String method, String path, String body, String query, Set<Credential> accepted) {
			this.method = method;
			this.path = path;
			this.body = body;
			this.query = query;
			this.accepted = accepted;
		}

	}

	static Stream<Arguments> routesAndCredentials() {
		return Arrays.stream(Route.values())
			.flatMap((route) -> Stream.concat(Arrays.stream(Credential.values()).map((c) -> Arguments.of(route, c)),
					Stream.of(Arguments.of(route, null))));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("routesAndCredentials")
	void routeWhenCredentialKindThenAcceptedOrUnauthorized(Route route, Credential credential) {
		RequestSpecification request = (credential != null) ? credential.request()
				: RestAssured.given().contentType(ContentType.JSON);
		request = request.filter(SeamOpenApi.RESPONSE_VALIDATION);
		if (route.body != null) {
			request = request.body(route.body);
		}
		String url = (route.query != null) ? route.path + "?" + route.query : route.path;
		Response response = request.request(route.method, url);
		// A console session is accepted wherever a personal access token with a workspace
		// is.
		boolean accepted = credential != null
				&& (route.accepted.contains(credential) || (credential == Credential.CONSOLE_SESSION
						&& route.accepted.contains(Credential.PERSONAL_ACCESS_TOKEN)));
		if (accepted) {
			assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
			assertThat(response.jsonPath().getBoolean("ok")).isTrue();
		}
		else {
			assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
			assertThat(response.jsonPath().getString("error.type")).isEqualTo("unauthorized");
		}
	}

}
