package dev.emulator.seam.workspace;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** {@code /workspaces/get}: the caller's own workspace (BEHAVIOUR 6.2, 4.7). */
class WorkspaceGetTests extends ApiTest {

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void getWhenAcceptedCredentialThenItsWorkspace(Credential credential) {
		credential.request()
			.get("/workspaces/get")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("workspace.workspace_id", equalTo("seed_workspace_1"))
			.body("workspace.name", equalTo("My Workspace"))
			.body("workspace.company_name", equalTo("Fake Company Name"))
			.body("workspace.is_sandbox", equalTo(true))
			.body("workspace.is_suspended", equalTo(false))
			.body("workspace.is_publishable_key_auth_enabled", equalTo(true))
			.body("workspace", hasKey("connect_partner_name"))
			.body("workspace.connect_partner_name", nullValue())
			.body("workspace", hasKey("organization_id"))
			.body("workspace.organization_id", nullValue())
			.body("workspace.connect_webview_customization", equalTo(Map.of()))
			.body("workspace.publishable_key", equalTo("seam_pk1_token"))
			.body("workspace", not(hasKey("publishable_key_hash")))
			.body("workspace", not(hasKey("sandbox")));
	}

	@Test
	void getWhenPostThenItsWorkspace() {
		asWorkspace1().body("{}")
			.post("/workspaces/get")
			.then()
			.statusCode(200)
			.body("workspace.workspace_id", equalTo("seed_workspace_1"));
	}

	@Test
	void getWhenOtherWorkspaceApiKeyThenOnlyThatWorkspace() {
		asWorkspace2().get("/workspaces/get")
			.then()
			.statusCode(200)
			.body("workspace.workspace_id", equalTo("seed_workspace_2"))
			.body("workspace.name", equalTo("Empty Workspace"))
			.body("workspace.is_sandbox", equalTo(false))
			.body("workspace.publishable_key", equalTo("seam_pk2_2dnb"));
	}

	@Test
	void getWhenOtherWorkspaceApiKeyNamesWorkspaceOneThenStillItsOwn() {
		// The route takes no workspace parameter; whatever is sent, the credential
		// decides.
		asWorkspace2().queryParam("workspace_id", "seed_workspace_1")
			.get("/workspaces/get")
			.then()
			.statusCode(200)
			.body("workspace.workspace_id", equalTo("seed_workspace_2"));
	}

	@Test
	void getWhenPublishableKeyThenUnauthorized() {
		Credential.PUBLISHABLE_KEY.request()
			.get("/workspaces/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenNoCredentialThenUnauthorized() {
		anonymous().get("/workspaces/get").then().statusCode(401).body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenPersonalAccessTokenForWorkspaceItIsNotAMemberOfThenUnauthorized() {
		anonymous().header("Authorization", "Bearer " + Credential.PAT)
			.header("seam-workspace", "seed_workspace_2")
			.get("/workspaces/get")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void getWhenWrongMethodThenMethodNotAllowed() {
		asWorkspace1().delete("/workspaces/get").then().statusCode(405);
	}

}
