package dev.emulator.seam.workspace;

import dev.emulator.seam.auth.SeamRoute;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.ADMIN;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * Provisioning without the seed: workspaces, their API keys and publishable keys, for the
 * holder of the admin token ({@code seam-admin-token: <SEAM_ADMIN_TOKEN>}). These routes
 * are this server's, not Seam's; they follow Seam's style (JSON body, {@code {..., "ok":
 * true}}, errors in Seam's envelope). Without {@code SEAM_ADMIN_TOKEN} they are not
 * mapped at all and answer 404 {@code not_found} like any unknown route, as the sandbox
 * routes do without the seed.
 */
@RestController
@Conditional(WorkspaceAdminController.AdminTokenConfigured.class)
class WorkspaceAdminController {

	private final WorkspaceProvisioning provisioning;

	WorkspaceAdminController(WorkspaceProvisioning provisioning) {
		this.provisioning = provisioning;
	}

	@RequestMapping("/_admin/workspaces/create")
	@SeamRoute(methods = POST, auth = ADMIN)
	AdminResponses.WorkspaceCreated createWorkspace(AdminParams.CreateWorkspace create) {
		return AdminResponses.WorkspaceCreated
			.of(this.provisioning.createWorkspace(create.name(), create.sandbox(), create.apiKeyName()));
	}

	@RequestMapping("/_admin/workspaces/list")
	@SeamRoute(methods = { GET, POST }, auth = ADMIN)
	AdminResponses.Workspaces listWorkspaces() {
		return new AdminResponses.Workspaces(this.provisioning.listWorkspaces(), true);
	}

	@RequestMapping("/_admin/api_keys/create")
	@SeamRoute(methods = POST, auth = ADMIN)
	AdminResponses.OneApiKey createApiKey(AdminParams.CreateApiKey create) {
		return new AdminResponses.OneApiKey(this.provisioning.createApiKey(create.workspaceId(), create.name()), true);
	}

	@RequestMapping("/_admin/api_keys/list")
	@SeamRoute(methods = { GET, POST }, auth = ADMIN)
	AdminResponses.ApiKeys listApiKeys(AdminParams.WorkspaceId params) {
		String workspaceId = params.workspaceId();
		return new AdminResponses.ApiKeys(this.provisioning.listApiKeys(workspaceId), true);
	}

	@RequestMapping("/_admin/api_keys/revoke")
	@SeamRoute(methods = POST, auth = ADMIN)
	AdminResponses.OneApiKey revokeApiKey(AdminParams.ApiKeyId params) {
		String apiKeyId = params.apiKeyId();
		return new AdminResponses.OneApiKey(this.provisioning.revokeApiKey(apiKeyId), true);
	}

	@RequestMapping("/_admin/api_keys/rotate")
	@SeamRoute(methods = POST, auth = ADMIN)
	AdminResponses.OneApiKey rotateApiKey(AdminParams.ApiKeyId params) {
		String apiKeyId = params.apiKeyId();
		return new AdminResponses.OneApiKey(this.provisioning.rotateApiKey(apiKeyId), true);
	}

	@RequestMapping("/_admin/publishable_keys/create")
	@SeamRoute(methods = POST, auth = ADMIN)
	AdminResponses.OnePublishableKey createPublishableKey(AdminParams.WorkspaceId params) {
		String workspaceId = params.workspaceId();
		return new AdminResponses.OnePublishableKey(this.provisioning.createPublishableKey(workspaceId), true);
	}

	@RequestMapping("/_admin/publishable_keys/list")
	@SeamRoute(methods = { GET, POST }, auth = ADMIN)
	AdminResponses.PublishableKeys listPublishableKeys(AdminParams.WorkspaceId params) {
		String workspaceId = params.workspaceId();
		return new AdminResponses.PublishableKeys(this.provisioning.listPublishableKeys(workspaceId), true);
	}

	@RequestMapping("/_admin/publishable_keys/revoke")
	@SeamRoute(methods = POST, auth = ADMIN)
	AdminResponses.OnePublishableKey revokePublishableKey(AdminParams.PublishableKeyId params) {
		String publishableKeyId = params.publishableKeyId();
		return new AdminResponses.OnePublishableKey(this.provisioning.revokePublishableKey(publishableKeyId), true);
	}

	/** Maps the routes only when an admin token is configured. */
	static class AdminTokenConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasLength(context.getEnvironment().getProperty("emulator.admin-token"));
		}

	}

}
