package dev.emulator.seam.connectwebview;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The Connect Webview page: the browser opens the webview's url, picks a provider, and
 * the webview is authorized.
 */
class ConnectWebviewPageTests extends ApiTest {

	private static final Pattern NONCE = Pattern.compile("name=\"nonce\" value=\"([^\"]+)\"");

	private String createWebview(String body) {
		return asWorkspace1().body(body)
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.body("connect_webview.url", startsWith("http://localhost:" + this.port + "/connect_webviews/view"))
			.extract()
			.path("connect_webview.connect_webview_id");
	}

	private static String nonceOf(String id) {
		String html = RestAssured.given()
			.get("/connect_webviews/view?connect_webview_id=" + id)
			.then()
			.statusCode(200)
			.contentType(startsWith("text/html"))
			.body(containsString("Choose your provider"))
			.extract()
			.asString();
		Matcher matcher = NONCE.matcher(html);
		assertThat(matcher.find()).as(html).isTrue();
		return matcher.group(1);
	}

	@Test
	void pageWhenFormPostedThenWebviewAuthorizedAndRedirected() {
		String id = createWebview(
				"{\"accepted_providers\":[\"schlage\"],\"custom_redirect_url\":\"https://app.example.com/done\"}");
		String nonce = nonceOf(id);
		RestAssured.given()
			.redirects()
			.follow(false)
			.formParam("connect_webview_id", id)
			.formParam("nonce", nonce)
			.formParam("provider", "schlage")
			.post("/connect_webviews/view")
			.then()
			.statusCode(303)
			.header("Location", equalTo("https://app.example.com/done"));
		String accountId = asWorkspace1().body("{\"connect_webview_id\":\"" + id + "\"}")
			.post("/connect_webviews/get")
			.then()
			.statusCode(200)
			.body("connect_webview.status", equalTo("authorized"))
			.body("connect_webview.login_successful", equalTo(true))
			.body("connect_webview.selected_provider", equalTo("schlage"))
			.extract()
			.path("connect_webview.connected_account_id");
		assertThat(accountId).isNotNull();
		asWorkspace1().body("{\"connected_account_id\":\"" + accountId + "\"}")
			.post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.size()", equalTo(2));
		asWorkspace1().body("{\"connect_webview_id\":\"" + id + "\",\"since\":\"2020-01-01T00:00:00Z\"}")
			.post("/events/list")
			.then()
			.statusCode(200)
			.body("events.event_type", hasItem("connect_webview.login_succeeded"));
		// Opening the link again after success goes straight to the redirect; posting
		// again connects nothing new.
		RestAssured.given()
			.redirects()
			.follow(false)
			.get("/connect_webviews/view?connect_webview_id=" + id)
			.then()
			.statusCode(303);
		RestAssured.given()
			.redirects()
			.follow(false)
			.formParam("connect_webview_id", id)
			.formParam("nonce", nonce)
			.post("/connect_webviews/view")
			.then()
			.statusCode(303);
		asWorkspace1().body("{\"connect_webview_id\":\"" + id + "\"}")
			.post("/connect_webviews/get")
			.then()
			.body("connect_webview.connected_account_id", equalTo(accountId));
	}

	@Test
	void pageWhenNoRedirectUrlThenDonePage() {
		String id = createWebview("{}");
		RestAssured.given()
			.formParam("connect_webview_id", id)
			.formParam("nonce", nonceOf(id))
			.post("/connect_webviews/view")
			.then()
			.statusCode(200)
			.contentType(startsWith("text/html"))
			.body(containsString("Your account is connected"));
	}

	@Test
	void postWhenNonceMissingOrWrongThenForbiddenAndNothingChanges() {
		String id = createWebview("{}");
		RestAssured.given()
			.formParam("connect_webview_id", id)
			.post("/connect_webviews/view")
			.then()
			.statusCode(403)
			.contentType(startsWith("text/html"));
		nonceOf(id);
		RestAssured.given()
			.formParam("connect_webview_id", id)
			.formParam("nonce", "guessed")
			.post("/connect_webviews/view")
			.then()
			.statusCode(403);
		asWorkspace1().body("{\"connect_webview_id\":\"" + id + "\"}")
			.post("/connect_webviews/get")
			.then()
			.body("connect_webview.status", equalTo("pending"));
	}

	@Test
	void postWhenProviderNotAcceptedThenBadRequestAndNothingChanges() {
		String id = createWebview("{\"accepted_providers\":[\"schlage\"]}");
		RestAssured.given()
			.formParam("connect_webview_id", id)
			.formParam("nonce", nonceOf(id))
			.formParam("provider", "<script>")
			.post("/connect_webviews/view")
			.then()
			.statusCode(400)
			.body(org.hamcrest.Matchers.not(containsString("<script>")));
		asWorkspace1().body("{\"connect_webview_id\":\"" + id + "\"}")
			.post("/connect_webviews/get")
			.then()
			.body("connect_webview.status", equalTo("pending"));
	}

	@Test
	void pageWhenUnknownWebviewThenHtmlNotFound() {
		Response response = RestAssured.given().get("/connect_webviews/view?connect_webview_id=nope");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("text/html");
	}

	@Test
	void urlWhenHostHeaderForgedThenStillConfiguredBase() {
		asWorkspace1().header("Host", "evil.example.com")
			.body("{}")
			.post("/connect_webviews/create")
			.then()
			.statusCode(200)
			.body("connect_webview.url", startsWith("http://localhost:" + this.port + "/"));
	}

}
