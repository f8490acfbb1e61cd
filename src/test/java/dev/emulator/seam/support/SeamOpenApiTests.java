package dev.emulator.seam.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The response validation the full-stack tests rely on does catch what it should. */
class SeamOpenApiTests {

	private static final String VALID = """
			{"ok": true, "client_session": {"client_session_id": "cst1", "workspace_id": "seed_workspace_1",
			 "created_at": "2026-01-05T10:00:00.000Z", "expires_at": "2027-01-05T16:00:00.000Z",
			 "token": "seam_cst1_token", "user_identifier_key": null, "device_count": 4,
			 "connected_account_ids": [], "connect_webview_ids": [], "user_identity_ids": []}}""";

	@Test
	void validateWhenClientSessionCompleteThenNoError() {
		assertThat(SeamOpenApi.errorsForGet("/client_sessions/get", VALID)).isEmpty();
	}

	@Test
	void validateWhenRequiredKeyMissingThenError() {
		assertThat(
				SeamOpenApi.errorsForGet("/client_sessions/get", VALID.replace("\"token\": \"seam_cst1_token\",", "")))
			.isNotEmpty();
	}

	@Test
	void validateWhenWrongTypeThenError() {
		assertThat(SeamOpenApi.errorsForGet("/client_sessions/get",
				VALID.replace("\"device_count\": 4", "\"device_count\": \"4\"")))
			.isNotEmpty();
		assertThat(SeamOpenApi.errorsForGet("/client_sessions/get",
				VALID.replace("2027-01-05T16:00:00.000Z", "next year")))
			.isNotEmpty();
	}

}
