package dev.emulator.seam.connectedaccount;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** {@code /connected_accounts/list} against the seed (BEHAVIOUR 6.3, 4.2, 4.4). */
class ConnectedAccountListTests extends ApiTest {

	// The seed creates all three at the same instant; the id breaks the tie.
	private static final String[] ALL_ACCOUNTS = { "jane_connected_account_id", "john_assa_cs_connected_account_id",
			"john_connected_account_id" };

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "API_KEY", "PERSONAL_ACCESS_TOKEN" })
	void listWhenWorkspaceCredentialThenEveryAccountOfTheWorkspace(Credential credential) {
		credential.request()
			.get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("connected_accounts.connected_account_id", contains(ALL_ACCOUNTS))
			.body("pagination.has_next_page", equalTo(false))
			.body("pagination.next_page_cursor", nullValue());
	}

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = { "CLIENT_SESSION_BEARER", "CLIENT_SESSION_HEADER" })
	void listWhenClientSessionThenOnlyTheAccountsItOwns(Credential credential) {
		credential.request()
			.get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts.connected_account_id", contains("john_connected_account_id"));
	}

	@Test
	void listWhenPublishableKeyThenUnauthorized() {
		Credential.PUBLISHABLE_KEY.request()
			.get("/connected_accounts/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void listWhenNoCredentialThenUnauthorized() {
		anonymous().get("/connected_accounts/list").then().statusCode(401).body("error.type", equalTo("unauthorized"));
	}

	@Test
	void listWhenOtherWorkspaceThenNoAccounts() {
		asWorkspace2().get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts", empty())
			.body("pagination.has_next_page", equalTo(false));
	}

	@Test
	void listWhenUserIdentifierKeyThenThatSessionsAccounts() {
		asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts.connected_account_id", contains("john_connected_account_id"));
	}

	@Test
	void listWhenUnknownUserIdentifierKeyThenNoAccounts() {
		asWorkspace1().body("{\"user_identifier_key\":\"nobody\"}")
			.post("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts", empty());
	}

	@Test
	void listWhenUserIdentifierKeyOfOtherWorkspaceThenNoAccounts() {
		asWorkspace2().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts", empty());
	}

	@Test
	void listWhenAccountThenEveryRequiredMember() {
		asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts[0].connected_account_id", equalTo("john_connected_account_id"))
			.body("connected_accounts[0].account_type", equalTo("august"))
			.body("connected_accounts[0].account_type_display_name", equalTo("Unknown"))
			.body("connected_accounts[0].display_name", equalTo("john@example.com"))
			.body("connected_accounts[0].user_identifier.email", equalTo("john@example.com"))
			.body("connected_accounts[0].errors", empty())
			.body("connected_accounts[0].warnings", empty())
			.body("connected_accounts[0].custom_metadata", equalTo(Map.of()))
			.body("connected_accounts[0].automatically_manage_new_devices", equalTo(true))
			.body("connected_accounts[0].accepted_capabilities", empty())
			.body("connected_accounts[0].workspace_id", equalTo("seed_workspace_1"))
			.body("connected_accounts[0].created_at",
					matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"))
			.body("connected_accounts[0]", hasKey("errors"));
	}

	@Test
	void listWhenLimitTwoThenCursorReturnsTheRest() {
		String cursor = asWorkspace1().queryParam("limit", 2)
			.get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts.connected_account_id",
					contains("jane_connected_account_id", "john_assa_cs_connected_account_id"))
			.body("pagination.has_next_page", equalTo(true))
			.body("pagination.next_page_url", notNullValue())
			.extract()
			.jsonPath()
			.getString("pagination.next_page_cursor");
		asWorkspace1().queryParam("limit", 2)
			.queryParam("page_cursor", cursor)
			.get("/connected_accounts/list")
			.then()
			.statusCode(200)
			.body("connected_accounts.connected_account_id", contains("john_connected_account_id"))
			.body("pagination.has_next_page", equalTo(false));
	}

	@Test
	void listWhenCursorReusedWithOtherFiltersThenMismatchedPageParameters() {
		String cursor = asWorkspace1().queryParam("limit", 1)
			.get("/connected_accounts/list")
			.then()
			.extract()
			.jsonPath()
			.getString("pagination.next_page_cursor");
		asWorkspace1().queryParam("page_cursor", cursor)
			.queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/connected_accounts/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("mismatched_page_parameters"));
	}

	@Test
	void listWhenUserIdentifierKeyIsNotAStringThenInvalidInput() {
		asWorkspace1().body("{\"user_identifier_key\":123}")
			.post("/connected_accounts/list")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Expected string, received number for \"user_identifier_key\""));
	}

	@Test
	void listWhenWrongMethodThenMethodNotAllowed() {
		asWorkspace1().delete("/connected_accounts/list")
			.then()
			.statusCode(405)
			.body("error.type", equalTo("method_not_allowed"));
	}

}
