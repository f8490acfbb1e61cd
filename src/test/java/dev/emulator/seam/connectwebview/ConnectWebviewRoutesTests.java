package dev.emulator.seam.connectwebview;

import java.util.List;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code /connect_webviews/create}, {@code /get} and {@code /list} with each kind of
 * credential (BEHAVIOUR 2.5, 4.5).
 */
class ConnectWebviewRoutesTests extends ApiTest {

	// create

	@Test
	void createWhenApiKeyThenPendingWebviewWithUrlOnThisServer() {
		JsonPath created = asWorkspace1().body("""
				{"accepted_providers":["schlage"],"custom_metadata":{"team":"a","vip":true},"customer_key":"c1",
				 "device_selection_mode":"single","wait_for_device_creation":true,
				 "accepted_capabilities":["lock"],"custom_redirect_url":"https://example.com/done"}""")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("connect_webview.workspace_id", equalTo("seed_workspace_1"))
			.body("connect_webview.status", equalTo("pending"))
			.body("connect_webview", hasKey("connected_account_id"))
			.body("connect_webview.connected_account_id", nullValue())
			.body("connect_webview.login_successful", equalTo(false))
			.body("connect_webview.accepted_providers", contains("schlage"))
			.body("connect_webview.accepted_capabilities", contains("lock"))
			.body("connect_webview.accepted_devices", empty())
			.body("connect_webview.any_device_allowed", equalTo(false))
			.body("connect_webview.any_provider_allowed", equalTo(false))
			.body("connect_webview.device_selection_mode", equalTo("single"))
			.body("connect_webview.custom_metadata.team", equalTo("a"))
			.body("connect_webview.custom_metadata.vip", equalTo(true))
			.body("connect_webview.customer_key", equalTo("c1"))
			.body("connect_webview.automatically_manage_new_devices", equalTo(true))
			.body("connect_webview.wait_for_device_creation", equalTo(true))
			.body("connect_webview.custom_redirect_url", equalTo("https://example.com/done"))
			.body("connect_webview", hasKey("custom_redirect_failure_url"))
			.body("connect_webview.custom_redirect_failure_url", nullValue())
			.body("connect_webview", hasKey("authorized_at"))
			.body("connect_webview.authorized_at", nullValue())
			.body("connect_webview", hasKey("selected_provider"))
			.body("connect_webview.selected_provider", nullValue())
			.extract()
			.jsonPath();
		String id = created.getString("connect_webview.connect_webview_id");
		assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(created.getString("connect_webview.url"))
			.isEqualTo("http://localhost:" + this.port + "/connect_webviews/view?connect_webview_id=" + id);
		assertThat(created.getString("connect_webview.created_at"))
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
	}

	@Test
	void createWhenNoProvidersThenAugustAndDefaults() {
		asWorkspace1().body("{}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.body("connect_webview.accepted_providers", contains("august"))
			.body("connect_webview.device_selection_mode", equalTo("none"))
			.body("connect_webview.custom_metadata.size()", equalTo(0))
			.body("connect_webview.wait_for_device_creation", equalTo(false))
			.body("connect_webview", not(hasKey("customer_key")));
	}

	@Test
	void createWhenPersonalAccessTokenThenCreated() {
		withPat().body("{\"accepted_providers\":[\"yale\"]}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.body("connect_webview.workspace_id", equalTo("seed_workspace_1"))
			.body("connect_webview.accepted_providers", contains("yale"));
	}

	@Test
	void createWhenClientSessionTokenThenWebviewAppendedToSession() {
		String id = withCst(SEED_CST).body("{}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.extract()
			.path("connect_webview.connect_webview_id");
		withCst(SEED_CST).get("/client_sessions/get")
			.then()
			.statusCode(200)
			.body("client_session.connect_webview_ids", contains("connect_webview1", id));
		// and the session sees it at once
		withCst(SEED_CST).queryParam("connect_webview_id", id)
			.get("/connect_webviews/get")
			.then()
			.statusCode(200)
			.body("connect_webview.connect_webview_id", equalTo(id));
	}

	@Test
	void createWhenPublishableKeyOrNoCredentialThenUnauthorized() {
		withPublishableKey().body("{}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
		anonymous().body("{}").post("/connect_webviews/create").then().statusCode(401);
		anonymous().header("seam-publishable-key", "seam_pk1_token")
			.body("{}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(401);
	}

	@Test
	void createWhenGetThenMethodNotAllowed() {
		asWorkspace1().get("/connect_webviews/create")
			.then()
			.statusCode(405)
			.body("error.type", equalTo("method_not_allowed"));
	}

	@Test
	void createWhenWrongTypesThenInvalidInput() {
		asWorkspace1().body("{\"accepted_providers\":\"august\"}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("Expected array, received string for \"accepted_providers\""));
		asWorkspace1().body("{\"device_selection_mode\":\"some\"}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(400)
			.body("error.validation_errors.device_selection_mode._errors[0]",
					equalTo("Invalid enum value. Expected 'none' | 'single' | 'multiple', received 'some'"));
		asWorkspace1().body("{\"custom_metadata\":\"x\"}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(400)
			.body("error.message", equalTo("Expected object, received string for \"custom_metadata\""));
		asWorkspace1().body("{\"custom_metadata\":{\"n\":1}}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(400)
			.body("error.validation_errors.custom_metadata._errors[0]", equalTo("Invalid input"));
		asWorkspace1().body("{\"automatically_manage_new_devices\":\"true\"}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(400)
			.body("error.message",
					equalTo("Expected boolean, received string for \"automatically_manage_new_devices\""));
		asWorkspace1().body("{\"accepted_capabilities\":[\"lock\",\"toaster\"]}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(400)
			.body("error.validation_errors", hasKey("accepted_capabilities"));
	}

	// get

	@Test
	void getWhenApiKeyThenSeedWebview() {
		asWorkspace1().queryParam("connect_webview_id", "connect_webview1")
			.get("/connect_webviews/get")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("connect_webview.connect_webview_id", equalTo("connect_webview1"))
			.body("connect_webview.status", equalTo("authorized"))
			.body("connect_webview.connected_account_id", equalTo("john_connected_account_id"))
			.body("connect_webview.accepted_providers", contains("august"))
			.body("connect_webview.authorized_at", notNullValue());
	}

	@Test
	void getWhenPersonalAccessTokenWithBodyThenWebview() {
		withPat().body("{\"connect_webview_id\":\"connect_webview1\"}")
			.post("/connect_webviews/get")
			.then()
			.statusCode(200)
			.body("connect_webview.connect_webview_id", equalTo("connect_webview1"));
	}

	@Test
	void getWhenClientSessionHoldsWebviewThenWebview() {
		withCst(SEED_CST).queryParam("connect_webview_id", "connect_webview1")
			.get("/connect_webviews/get")
			.then()
			.statusCode(200)
			.body("connect_webview.connect_webview_id", equalTo("connect_webview1"));
	}

	@Test
	void getWhenClientSessionDoesNotHoldWebviewThenUnauthorized() {
		String id = createWebview();
		withCst(SEED_CST).queryParam("connect_webview_id", id)
			.get("/connect_webviews/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenIdMissingThenInvalidInput() {
		asWorkspace1().get("/connect_webviews/get")
			.then()
			.statusCode(400)
			.body("error.type", equalTo("invalid_input"))
			.body("error.message", equalTo("connect_webview_id is required"));
	}

	@Test
	void getWhenUnknownThenNotFound() {
		asWorkspace1().queryParam("connect_webview_id", "no_such_webview")
			.get("/connect_webviews/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("connect_webview_not_found"));
	}

	@Test
	void getWhenOtherWorkspaceThenNotFound() {
		String id = createWebview();
		for (String webview : List.of("connect_webview1", id)) {
			asWorkspace2().queryParam("connect_webview_id", webview)
				.get("/connect_webviews/get")
				.then()
				.statusCode(404)
				.body("error.type", equalTo("connect_webview_not_found"));
		}
	}

	@Test
	void getWhenPublishableKeyThenUnauthorized() {
		withPublishableKey().queryParam("connect_webview_id", "connect_webview1")
			.get("/connect_webviews/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	// list

	@Test
	void listWhenApiKeyThenWorkspaceWebviewsOldestFirst() {
		String first = createWebview();
		String second = createWebview();
		asWorkspace1().get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("connect_webviews.connect_webview_id", contains("connect_webview1", first, second))
			.body("pagination.has_next_page", equalTo(false))
			.body("pagination", hasKey("next_page_cursor"))
			.body("pagination.next_page_cursor", nullValue())
			.body("pagination.next_page_url", nullValue());
	}

	@Test
	void listWhenPersonalAccessTokenThenWorkspaceWebviews() {
		String id = createWebview();
		withPat().body("{}")
			.post("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains("connect_webview1", id));
	}

	@Test
	void listWhenClientSessionTokenThenOnlyItsWebviews() {
		createWebview();
		String own = withCst(SEED_CST).body("{}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.extract()
			.path("connect_webview.connect_webview_id");
		withCst(SEED_CST).get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains("connect_webview1", own));
		// a user_identifier_key sent with a token is ignored: the token is the scope
		withCst(SEED_CST).queryParam("user_identifier_key", "someone_else")
			.get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains("connect_webview1", own));
	}

	@Test
	void listWhenClientSessionWithoutWebviewsThenEmpty() {
		String token = createSession("{\"user_identifier_key\":\"nobody\"}");
		withCst(token).get("/connect_webviews/list").then().statusCode(200).body("connect_webviews", empty());
	}

	@Test
	void listWhenUserIdentifierKeyThenThatUsersSessionWebviews() {
		createWebview();
		asWorkspace1().queryParam("user_identifier_key", "john_user_identifier_key")
			.get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains("connect_webview1"));
		asWorkspace1().queryParam("user_identifier_key", "unknown_user")
			.get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews", empty());
	}

	@Test
	void listWhenLimitThenPagesFollowTheCursor() {
		String first = createWebview();
		String second = createWebview();
		JsonPath page1 = asWorkspace1().queryParam("limit", 2)
			.get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains("connect_webview1", first))
			.body("pagination.has_next_page", equalTo(true))
			.body("pagination.next_page_url", notNullValue())
			.extract()
			.jsonPath();
		asWorkspace1().queryParam("limit", 2)
			.queryParam("page_cursor", page1.getString("pagination.next_page_cursor"))
			.get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains(second))
			.body("pagination.has_next_page", equalTo(false));
	}

	@Test
	void listWhenCustomMetadataHasThenOnlyMatchingWebviews() {
		String teamA = createWebview("{\"custom_metadata\":{\"team\":\"a\",\"vip\":true}}");
		createWebview("{\"custom_metadata\":{\"team\":\"b\"}}");
		asWorkspace1().queryParam("custom_metadata_has.team", "a")
			.get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains(teamA));
		asWorkspace1().body("{\"custom_metadata_has\":{\"team\":\"a\",\"vip\":true}}")
			.post("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains(teamA));
		asWorkspace1().body("{\"custom_metadata_has\":{\"team\":\"c\"}}")
			.post("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews", empty());
	}

	@Test
	void listWhenCustomerKeyThenOnlyThatCustomersWebviews() {
		String own = createWebview("{\"customer_key\":\"customer_1\"}");
		createWebview("{\"customer_key\":\"customer_2\"}");
		asWorkspace1().queryParam("customer_key", "customer_1")
			.get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains(own));
	}

	@Test
	void listWhenOtherWorkspaceThenNothingOfWorkspace1() {
		createWebview();
		asWorkspace2().get("/connect_webviews/list").then().statusCode(200).body("connect_webviews", empty());
		String own = asWorkspace2().body("{}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.body("connect_webview.workspace_id", equalTo("seed_workspace_2"))
			.extract()
			.path("connect_webview.connect_webview_id");
		asWorkspace2().get("/connect_webviews/list").then().body("connect_webviews.connect_webview_id", contains(own));
		asWorkspace1().get("/connect_webviews/list")
			.then()
			.body("connect_webviews.connect_webview_id", not(hasItem(own)));
	}

	@Test
	void listWhenPublishableKeyThenUnauthorized() {
		withPublishableKey().get("/connect_webviews/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void listWhenBothTokenHeadersThenSameScope() {
		// The SDK sends a client session token both as bearer and as
		// client-session-token; either alone works too.
		anonymous().header("client-session-token", SEED_CST)
			.get("/connect_webviews/list")
			.then()
			.statusCode(200)
			.body("connect_webviews.connect_webview_id", contains("connect_webview1"));
	}

	private static String createWebview() {
		return createWebview("{}");
	}

	private static String createWebview(String body) {
		return asWorkspace1().body(body)
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.extract()
			.path("connect_webview.connect_webview_id");
	}

	private static String createSession(String body) {
		return asWorkspace1().body(body)
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.extract()
			.path("client_session.token");
	}

	/**
	 * {@code SeamHttp.fromPersonalAccessToken}: the seeded token of john, in workspace 1.
	 */
	static RequestSpecification withPat() {
		return anonymous().header("Authorization", "Bearer seam_at1_shorttoken_longtoken")
			.header("seam-workspace", "seed_workspace_1");
	}

	/**
	 * {@code SeamHttp.fromClientSessionToken}: bearer and {@code client-session-token}.
	 */
	static RequestSpecification withCst(String token) {
		return anonymous().header("Authorization", "Bearer " + token).header("client-session-token", token);
	}

	/**
	 * {@code SeamHttp.fromPublishableKey}'s credential, with the user identifier key it
	 * needs to authenticate at all, so that what is tested is the route refusing the kind
	 * of credential.
	 */
	static RequestSpecification withPublishableKey() {
		return anonymous().header("seam-publishable-key", "seam_pk1_token")
			.header("seam-user-identifier-key", "john_user_identifier_key");
	}

}
