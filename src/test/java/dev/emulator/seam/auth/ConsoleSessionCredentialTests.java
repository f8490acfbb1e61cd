package dev.emulator.seam.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

/**
 * Console session tokens (HS256 JWTs naming a user session) with and without
 * {@code seam-workspace}, and personal access tokens without {@code seam-workspace}, as
 * {@code SeamHttp.fromConsoleSessionToken} and {@code SeamHttpWithoutWorkspace} send
 * them.
 */
class ConsoleSessionCredentialTests extends ApiTest {

	private static final String TOKEN = Credential.seedConsoleSessionToken();

	@Autowired
	JdbcClient jdbc;

	private static io.restassured.specification.RequestSpecification console(String workspaceId) {
		var request = anonymous().header("Authorization", "Bearer " + TOKEN);
		return (workspaceId != null) ? request.header("seam-workspace", workspaceId) : request;
	}

	@ParameterizedTest
	@ValueSource(strings = { "/devices/list", "/client_sessions/list", "/connected_accounts/list",
			"/connect_webviews/list", "/events/list", "/action_attempts/list", "/access_codes/list", "/locks/list",
			"/user_identities/list" })
	void routeFamilyWhenConsoleSessionWithWorkspaceThenAnswered(String path) {
		String body = switch (path) {
			case "/access_codes/list" -> "{\"device_id\":\"august_device_1\"}";
			case "/events/list" -> "{\"since\":\"2020-01-01T00:00:00Z\"}";
			default -> "{}";
		};
		console("seed_workspace_1").body(body).post(path).then().statusCode(200).body("ok", equalTo(true));
	}

	@Test
	void devicesListWhenConsoleSessionThenWholeWorkspace() {
		console("seed_workspace_1").post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices.device_id", hasItem("schlage_device_id"))
			.body("devices.device_id", hasItem("august_device_1"));
		console("seed_workspace_1").body("{\"device_id\":\"august_device_1\"}")
			.post("/devices/get")
			.then()
			.statusCode(200)
			.body("device.workspace_id", equalTo("seed_workspace_1"));
	}

	@Test
	void writeWhenConsoleSessionThenStoredInItsWorkspace() {
		console("seed_workspace_1").body("{\"user_identifier_key\":\"console-user\"}")
			.put("/client_sessions/create")
			.then()
			.statusCode(200)
			.body("client_session.workspace_id", equalTo("seed_workspace_1"));
		Integer stored = this.jdbc
			.sql("select count(*) from client_sessions where workspace_id = 'seed_workspace_1'"
					+ " and user_identifier_key = 'console-user'")
			.query(Integer.class)
			.single();
		org.assertj.core.api.Assertions.assertThat(stored).isEqualTo(1);
	}

	@Test
	void deviceOfOtherWorkspaceWhenConsoleSessionThenNotFound() {
		this.jdbc.sql("insert into user_workspaces (user_id, workspace_id) values ('john_user_id', 'seed_workspace_2')")
			.update();
		console("seed_workspace_2").body("{\"device_id\":\"august_device_1\"}")
			.post("/devices/get")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("device_not_found"));
		console("seed_workspace_2").post("/devices/list")
			.then()
			.statusCode(200)
			.body("devices", equalTo(java.util.List.of()));
	}

	@Test
	void workspaceWhenNotMemberThenUnauthorized() {
		console("seed_workspace_2").post("/devices/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("User does not have access to this workspace"));
		console("no_such_workspace").post("/devices/list").then().statusCode(401);
	}

	@Test
	void workspaceRouteWhenNoSeamWorkspaceThenUnauthorized() {
		console(null).post("/devices/list")
			.then()
			.statusCode(401)
			.body("error.message", equalTo("No authentication methods succeeded. A console session token needs the "
					+ "seam-workspace header naming the workspace"));
	}

	@Test
	void workspacesListWhenConsoleSessionWithoutWorkspaceThenUsersWorkspaces() {
		this.jdbc.sql("insert into user_workspaces (user_id, workspace_id) values ('john_user_id', 'seed_workspace_2')")
			.update();
		console(null).get("/workspaces/list")
			.then()
			.statusCode(200)
			.body("workspaces.workspace_id", contains("seed_workspace_1", "seed_workspace_2"));
		console("seed_workspace_1").post("/workspaces/get")
			.then()
			.statusCode(200)
			.body("workspace.workspace_id", equalTo("seed_workspace_1"));
	}

	@Test
	void tokenWhenSignedWithOtherSecretThenUnauthorized() {
		String forged = Credential.consoleSessionToken("john_user_id", "john_user_key", "not-the-secret");
		anonymous().header("Authorization", "Bearer " + forged)
			.header("seam-workspace", "seed_workspace_1")
			.post("/devices/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"))
			.body("error.message", equalTo("Invalid console session token"));
		anonymous().header("Authorization", "Bearer " + forged).get("/workspaces/list").then().statusCode(401);
	}

	@Test
	void tokenWhenUnknownSessionKeyThenUnauthorized() {
		String unknown = Credential.consoleSessionToken("john_user_id", "other_key", "secret");
		anonymous().header("Authorization", "Bearer " + unknown)
			.header("seam-workspace", "seed_workspace_1")
			.post("/devices/list")
			.then()
			.statusCode(401)
			.body("error.message", equalTo("Session not found"));
	}

	@Test
	void tokenWhenUserSessionRevokedThenUnauthorized() {
		this.jdbc.sql("update user_sessions set revoked_at = now() where user_id = 'john_user_id'").update();
		console("seed_workspace_1").post("/devices/list").then().statusCode(401);
	}

	@Test
	void workspacesListWhenPersonalAccessTokenWithoutWorkspaceThenUsersWorkspaces() {
		anonymous().header("Authorization", "Bearer " + Credential.PAT)
			.post("/workspaces/list")
			.then()
			.statusCode(200)
			.body("workspaces.workspace_id", contains("seed_workspace_1"));
		anonymous().header("Authorization", "Bearer " + Credential.PAT)
			.post("/devices/list")
			.then()
			.statusCode(401)
			.body("error.message", equalTo("No authentication methods succeeded. A personal access token needs the "
					+ "seam-workspace header naming the workspace"));
	}

	@Test
	void personalAccessTokenWhenShortPartWrongThenUnauthorized() {
		anonymous().header("Authorization", "Bearer seam_at1_othershort_longtoken")
			.post("/workspaces/list")
			.then()
			.statusCode(401)
			.body("error.message", equalTo("Access token not found"));
		anonymous().header("Authorization", "Bearer seam_at1_othershort_longtoken")
			.header("seam-workspace", "seed_workspace_1")
			.post("/devices/list")
			.then()
			.statusCode(401);
	}

	@Test
	void openApiWhenRouteTakesPersonalAccessTokenThenConsoleSessionListed() {
		anonymous().get("/openapi.json")
			.then()
			.statusCode(200)
			.body("paths.'/devices/list'.post.security.flatten()", hasItem(hasKey("console_session_with_workspace")))
			.body("paths.'/workspaces/list'.post.security.flatten()",
					hasItem(hasKey("console_session_without_workspace")))
			.body("paths.'/workspaces/list'.post.security.flatten()", hasItem(hasKey("pat_without_workspace")));
	}

}
