package dev.emulator.seam.workspace;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * The validated parameters of the {@code /_admin/*} routes; any failure is 400
 * {@code invalid_input}.
 */
final class AdminParams {

	private AdminParams() {
	}

	/**
	 * @param sandbox {@code is_sandbox}, default true (this server is a sandbox; sandbox
	 * keys start {@code seam_test})
	 * @param apiKeyName the first API key's name, or null for no API key
	 * ({@code "create_api_key": false})
	 */
	record CreateWorkspace(String name, boolean sandbox, String apiKeyName) implements RouteParams {

		static CreateWorkspace from(SeamParams params) {
			String name = params.requiredString("name");
			if (name != null && name.isBlank()) {
				params.addError("name", "String must contain at least 1 character(s)");
			}
			Boolean sandbox = params.bool("is_sandbox");
			Boolean createApiKey = params.bool("create_api_key");
			String apiKeyName = params.nonEmptyString("api_key_name");
			if (Boolean.FALSE.equals(createApiKey)) {
				return new CreateWorkspace(name, sandbox == null || sandbox, null);
			}
			return new CreateWorkspace(name, sandbox == null || sandbox,
					(apiKeyName != null) ? apiKeyName : name + " API key");
		}

	}

	record WorkspaceId(String workspaceId) implements RouteParams {

		static WorkspaceId from(SeamParams params) {
			String workspaceId = params.requiredString("workspace_id");
			return new WorkspaceId(workspaceId);
		}

	}

	/**
	 * @param name the key's name, default {@code "API key"}
	 */
	record CreateApiKey(String workspaceId, String name) implements RouteParams {

		static CreateApiKey from(SeamParams params) {
			String workspaceId = params.requiredString("workspace_id");
			String name = params.nonEmptyString("name");
			return new CreateApiKey(workspaceId, (name != null) ? name : "API key");
		}

	}

	record ApiKeyId(String apiKeyId) implements RouteParams {

		static ApiKeyId from(SeamParams params) {
			String apiKeyId = params.requiredString("api_key_id");
			return new ApiKeyId(apiKeyId);
		}

	}

	record PublishableKeyId(String publishableKeyId) implements RouteParams {

		static PublishableKeyId from(SeamParams params) {
			String publishableKeyId = params.requiredString("publishable_key_id");
			return new PublishableKeyId(publishableKeyId);
		}

	}

}
