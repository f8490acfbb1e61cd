package dev.emulator.seam.workspace;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Success bodies of the {@code /_admin/*} routes, in Seam's style: the resource under its
 * name, and {@code ok}.
 */
final class AdminResponses {

	private AdminResponses() {
	}

	/**
	 * @param apiKey the first API key with its token, absent when none was asked for
	 */
	record WorkspaceCreated(WorkspaceView workspace, @JsonInclude(JsonInclude.Include.NON_NULL) ApiKeyView apiKey,
			boolean ok) {

		static WorkspaceCreated of(WorkspaceProvisioning.ProvisionedWorkspace created) {
			return new WorkspaceCreated(created.workspace(), created.apiKey(), true);
		}

	}

	record Workspaces(List<WorkspaceView> workspaces, boolean ok) {

	}

	record OneApiKey(ApiKeyView apiKey, boolean ok) {

	}

	record ApiKeys(List<ApiKeyView> apiKeys, boolean ok) {

	}

	record OnePublishableKey(PublishableKeyView publishableKey, boolean ok) {

	}

	record PublishableKeys(List<PublishableKeyView> publishableKeys, boolean ok) {

	}

}
