package dev.emulator.seam.connectedaccount;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** {@code /connected_accounts/get} against the seed (BEHAVIOUR 4.4). */
class ConnectedAccountGetTests extends ApiTest {

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void getWhenAcceptedCredentialAndOwnAccountThenAccount(Credential credential) {
		credential.request()
			.queryParam("connected_account_id", "john_connected_account_id")
			.get("/connected_accounts/get")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("connected_account.connected_account_id", equalTo("john_connected_account_id"))
			.body("connected_account.account_type", equalTo("august"))
			.body("connected_account.user_identifier.email", equalTo("john@example.com"));
	}

	@Test
	void getWhenPublishableKeyThenUnauthorized() {
		Credential.PUBLISHABLE_KEY.request()
			.queryParam("connected_account_id", "john_connected_account_id")
			.get("/connected_accounts/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenNoCredentialThenUnauthorized() {
		anonymous().queryParam("connected_account_id", "john_connected_account_id")
			.get("/connected_accounts/get")
			.then()
			.statusCode(401);
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER" })
	void getWhenClientSessionAndAccountItDoesNotOwnThenUnauthorized(Credential credential) {
		credential.request()
			.queryParam("connected_account_id", "jane_connected_account_id")
			.get("/connected_accounts/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenApiKeyAndAnyAccountOfTheWorkspaceThenAccount() {
		asWorkspace1().body("{\"connected_account_id\":\"jane_connected_account_id\"}")
			.post("/connected_accounts/get")
			.then()
			.statusCode(200)
			.body("connected_account.account_type", equalTo("schlage"));
	}

	@Test
	void getWhenUnknownAccountThenConnectedAccountNotFound() {
		asWorkspace1().queryParam("connected_account_id", "nope")
			.get("/connected_accounts/get")
			.then()
			.statusCode(404)
			.body("ok", equalTo(false))
			.body("error.type", equalTo("connected_account_not_found"))
			.body("error.message", equalTo("Connected account not found"));
	}

	@Test
	void getWhenClientSessionAndUnknownAccountThenConnectedAccountNotFound() {
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("connected_account_id", "nope")
			.get("/connected_accounts/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connected_account_not_found"));
	}

	@Test
	void getWhenOtherWorkspaceThenConnectedAccountNotFound() {
		asWorkspace2().queryParam("connected_account_id", "john_connected_account_id")
			.get("/connected_accounts/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connected_account_not_found"));
		asWorkspace2().queryParam("email", "john@example.com")
			.get("/connected_accounts/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connected_account_not_found"));
	}

	@Test
	void getWhenEmailThenAccountWithThatUserIdentifierEmail() {
		asWorkspace1().queryParam("email", "jane@example.com")
			.get("/connected_accounts/get")
			.then()
			.statusCode(200)
			.body("connected_account.connected_account_id", equalTo("jane_connected_account_id"));
	}

	@Test
	void getWhenEmailSharedByAccountsThenOldestTheCallerMaySee() {
		// Both john accounts carry john@example.com; the workspace sees the first, the
		// session only its own.
		asWorkspace1().queryParam("email", "john@example.com")
			.get("/connected_accounts/get")
			.then()
			.statusCode(200)
			.body("connected_account.connected_account_id", equalTo("john_assa_cs_connected_account_id"));
		Credential.CLIENT_SESSION_BEARER.request()
			.queryParam("email", "john@example.com")
			.get("/connected_accounts/get")
			.then()
			.statusCode(200)
			.body("connected_account.connected_account_id", equalTo("john_connected_account_id"));
	}

	@Test
	void getWhenClientSessionAndEmailOfAnotherAccountThenUnauthorized() {
		Credential.CLIENT_SESSION_HEADER.request()
			.queryParam("email", "jane@example.com")
			.get("/connected_accounts/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenUnknownEmailThenConnectedAccountNotFound() {
		asWorkspace1().queryParam("email", "nobody@example.com")
			.get("/connected_accounts/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connected_account_not_found"));
	}

	@Test
	void getWhenNeitherIdNorEmailThenInvalidInput() {
		asWorkspace1().get("/connected_accounts/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.validation_errors._errors", contains("Either 'connected_account_id' or 'email' is required"));
	}

	@Test
	void getWhenEmailIsNotAnEmailThenInvalidInput() {
		asWorkspace1().queryParam("email", "not-an-email")
			.get("/connected_accounts/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Invalid email for \"email\""));
	}

	@Test
	void getWhenWrongMethodThenMethodNotAllowed() {
		asWorkspace1().queryParam("connected_account_id", "john_connected_account_id")
			.delete("/connected_accounts/get")
			.then()
			.statusCode(405);
	}

}
