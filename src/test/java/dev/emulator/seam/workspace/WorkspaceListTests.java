package dev.emulator.seam.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.Credential;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** {@code /workspaces/list} (BEHAVIOUR 4.7). */
class WorkspaceListTests extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(value = Credential.class, names = "PUBLISHABLE_KEY", mode = EnumSource.Mode.EXCLUDE)
	void listWhenAcceptedCredentialThenWorkspaceOne(Credential credential) {
		credential.request()
			.get("/workspaces/list")
			.then()
			.statusCode(200)
			.body("ok", equalTo(true))
			.body("workspaces.workspace_id", contains("seed_workspace_1"))
			.body("workspaces[0].name", equalTo("My Workspace"))
			.body("workspaces[0].publishable_key", equalTo("seam_pk1_token"));
	}

	@Test
	void listWhenOtherWorkspaceApiKeyThenOnlyThatWorkspace() {
		asWorkspace2().post("/workspaces/list")
			.then()
			.statusCode(200)
			.body("workspaces.workspace_id", contains("seed_workspace_2"));
	}

	@Test
	void listWhenPersonalAccessTokenUserBelongsToTwoWorkspacesThenBoth() {
		this.jdbc.sql("insert into user_workspaces (user_id, workspace_id) values ('john_user_id', 'seed_workspace_2')")
			.update();
		Credential.PERSONAL_ACCESS_TOKEN.request()
			.get("/workspaces/list")
			.then()
			.statusCode(200)
			.body("workspaces.workspace_id", contains("seed_workspace_1", "seed_workspace_2"));
	}

	@Test
	void listWhenApiKeyAndUserBelongsToTwoWorkspacesThenStillOnlyItsOwn() {
		this.jdbc.sql("insert into user_workspaces (user_id, workspace_id) values ('john_user_id', 'seed_workspace_2')")
			.update();
		asWorkspace1().get("/workspaces/list")
			.then()
			.statusCode(200)
			.body("workspaces.workspace_id", contains("seed_workspace_1"));
	}

	@Test
	void listWhenPublishableKeyThenUnauthorized() {
		Credential.PUBLISHABLE_KEY.request()
			.get("/workspaces/list")
			.then()
			.statusCode(401)
			.body("error.type", equalTo("unauthorized"));
	}

	@Test
	void listWhenNoCredentialThenUnauthorized() {
		anonymous().get("/workspaces/list").then().statusCode(401);
	}

	@Test
	void listWhenWrongMethodThenMethodNotAllowed() {
		asWorkspace1().put("/workspaces/list").then().statusCode(405);
	}

}
