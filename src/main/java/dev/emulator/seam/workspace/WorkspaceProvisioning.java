package dev.emulator.seam.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating workspaces and issuing, rotating and revoking their credentials, for the admin
 * routes and the first-start bootstrap. API key tokens are returned once, when issued,
 * and stored only as their SHA-256. Everything is in the database, so a revoke or
 * rotation is effective on the very next request on every instance.
 */
@Service
class WorkspaceProvisioning {

	private final WorkspaceRepository workspaces;

	private final ApiKeyRepository apiKeys;

	private final PublishableKeyRepository publishableKeys;

	private final WorkspaceDirectory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	WorkspaceProvisioning(WorkspaceRepository workspaces, ApiKeyRepository apiKeys,
			PublishableKeyRepository publishableKeys, WorkspaceDirectory directory, JdbcClient jdbc, Clock clock) {
		this.workspaces = workspaces;
		this.apiKeys = apiKeys;
		this.publishableKeys = publishableKeys;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates a workspace with a publishable key and, unless {@code apiKeyName} is null,
	 * an API key.
	 * @return the workspace, and the API key with its token (the only time it is
	 * visible), or null
	 */
	@Transactional
	ProvisionedWorkspace createWorkspace(String name, boolean sandbox, String apiKeyName) {
		return createWorkspace(name, sandbox, apiKeyName, null);
	}

	@Transactional(readOnly = true)
	List<WorkspaceView> listWorkspaces() {
		return this.directory.findAllViews();
	}

	/**
	 * Issues an API key; 404 {@code workspace_not_found} when there is no such workspace.
	 */
	@Transactional
	ApiKeyView createApiKey(String workspaceId, String name) {
		Workspace workspace = this.workspaces.findById(workspaceId).orElseThrow(WorkspaceProvisioning::noWorkspace);
		return issueApiKey(workspace.getId(), name, ApiKey.newToken(workspace.isSandbox()));
	}

	/** The workspace's keys, revoked ones included, oldest first, never with a token. */
	@Transactional(readOnly = true)
	List<ApiKeyView> listApiKeys(String workspaceId) {
		requireWorkspace(workspaceId);
		return this.apiKeys.findAllByWorkspaceIdOrderByCreatedAtAscIdAsc(workspaceId)
			.stream()
			.map(ApiKey::toView)
			.toList();
	}

	/** Revokes an API key (again: no change); 404 {@code api_key_not_found}. */
	@Transactional
	ApiKeyView revokeApiKey(String apiKeyId) {
		ApiKey key = this.apiKeys.findForUpdate(apiKeyId).orElseThrow(WorkspaceProvisioning::noApiKey);
		key.revoke(now());
		return key.toView();
	}

	/**
	 * Replaces a live API key: the old one is revoked, a new one with the same name and
	 * workspace is issued. 404 {@code api_key_not_found}; 400 {@code api_key_revoked} for
	 * a revoked key, so that a rotation cannot bring back a revoked workspace's access,
	 * and of two concurrent rotations only one succeeds (the row is locked).
	 */
	@Transactional
	ApiKeyView rotateApiKey(String apiKeyId) {
		ApiKey old = this.apiKeys.findForUpdate(apiKeyId).orElseThrow(WorkspaceProvisioning::noApiKey);
		if (old.isRevoked()) {
			throw ApiException.badRequest(ErrorTypes.API_KEY_REVOKED, "Cannot rotate a revoked API key");
		}
		old.revoke(now());
		boolean sandbox = this.workspaces.findById(old.getWorkspaceId()).map(Workspace::isSandbox).orElse(true);
		return issueApiKey(old.getWorkspaceId(), old.getName(), ApiKey.newToken(sandbox));
	}

	/** Issues another publishable key; 404 {@code workspace_not_found}. */
	@Transactional
	PublishableKeyView createPublishableKey(String workspaceId) {
		requireWorkspace(workspaceId);
		return this.publishableKeys.saveAndFlush(PublishableKey.generate(workspaceId, now())).toView();
	}

	@Transactional(readOnly = true)
	List<PublishableKeyView> listPublishableKeys(String workspaceId) {
		requireWorkspace(workspaceId);
		return this.publishableKeys.findAllByWorkspaceIdOrderByCreatedAtAscIdAsc(workspaceId)
			.stream()
			.map(PublishableKey::toView)
			.toList();
	}

	/**
	 * Revokes a publishable key (again: no change); 404
	 * {@code publishable_key_not_found}.
	 */
	@Transactional
	PublishableKeyView revokePublishableKey(String publishableKeyId) {
		PublishableKey key = this.publishableKeys.findForUpdate(publishableKeyId)
			.orElseThrow(() -> ApiException.notFound(ErrorTypes.PUBLISHABLE_KEY_NOT_FOUND,
					"Could not find publishable key"));
		key.revoke(now());
		return key.toView();
	}

	/**
	 * Makes sure an API key with this token exists, creating a workspace for it when none
	 * does. Serialised across instances (a database lock), so that several instances
	 * starting at once with the same {@code SEAM_API_KEY} create it once. A key with this
	 * token that was revoked stays revoked.
	 * @return the workspace created for the key, if one was
	 */
	@Transactional
	Optional<String> ensureApiKey(String token) {
		lockBootstrap();
		if (this.apiKeys.findByTokenHash(Hashes.sha256Hex(token)).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(createWorkspace("Default Workspace", true, "Default Workspace API key", token).workspace()
			.workspaceId());
	}

	/**
	 * On an empty database only, creates a workspace with a generated API key. Serialised
	 * across instances, so that instances starting at once on an empty database create
	 * one workspace, not one each.
	 */
	@Transactional
	Optional<ProvisionedWorkspace> createFirstWorkspaceIfEmpty() {
		lockBootstrap();
		if (this.workspaces.count() > 0) {
			return Optional.empty();
		}
		return Optional.of(createWorkspace("Default Workspace", true, "Default Workspace API key", null));
	}

	private ProvisionedWorkspace createWorkspace(String name, boolean sandbox, String apiKeyName, String token) {
		Instant now = now();
		Workspace workspace = this.workspaces.saveAndFlush(Workspace.create(name, sandbox, now));
		this.publishableKeys.saveAndFlush(PublishableKey.generate(workspace.getId(), now));
		ApiKeyView apiKey = null;
		if (apiKeyName != null) {
			apiKey = issueApiKey(workspace.getId(), apiKeyName, (token != null) ? token : ApiKey.newToken(sandbox));
		}
		WorkspaceView view = this.directory.findView(workspace.getId()).orElseThrow();
		return new ProvisionedWorkspace(view, apiKey);
	}

	private ApiKeyView issueApiKey(String workspaceId, String name, String token) {
		ApiKey key = this.apiKeys.saveAndFlush(ApiKey.of(workspaceId, name, token, now()));
		return key.toIssuedView(token);
	}

	private void requireWorkspace(String workspaceId) {
		if (!this.workspaces.existsById(workspaceId)) {
			throw noWorkspace();
		}
	}

	// Instances starting together must not both find the database empty (or the key
	// missing) and both create.
	private void lockBootstrap() {
		this.jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('seam.bootstrap', 0))) as locked")
			.query(Integer.class)
			.single();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static ApiException noWorkspace() {
		return ApiException.notFound(ErrorTypes.WORKSPACE_NOT_FOUND, "Workspace not found");
	}

	private static ApiException noApiKey() {
		return ApiException.notFound(ErrorTypes.API_KEY_NOT_FOUND, "Could not find API key");
	}

	/**
	 * A workspace just created, and its first API key with its token (null when none was
	 * asked for).
	 */
	record ProvisionedWorkspace(WorkspaceView workspace, ApiKeyView apiKey) {
	}

}
