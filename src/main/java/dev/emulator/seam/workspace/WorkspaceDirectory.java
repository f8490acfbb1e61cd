package dev.emulator.seam.workspace;

import java.time.Clock;
import java.util.Optional;

import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.Secrets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public port to workspaces and their credentials: what authentication needs to look up, and provisioning.
 */
@Service
public class WorkspaceDirectory {

	private final WorkspaceRepository workspaces;

	private final ApiKeyRepository apiKeys;

	private final Clock clock;

	WorkspaceDirectory(WorkspaceRepository workspaces, ApiKeyRepository apiKeys, Clock clock) {
		this.workspaces = workspaces;
		this.apiKeys = apiKeys;
		this.clock = clock;
	}

	/** The live API key with this token, found by the token's SHA-256; empty when unknown or revoked. */
	@Transactional(readOnly = true)
	public Optional<ApiKeyIdentity> findApiKey(String token) {
		return this.apiKeys.findByTokenHash(Hashes.sha256Hex(token))
			.filter((key) -> !key.isRevoked())
			.map((key) -> new ApiKeyIdentity(key.getWorkspaceId(), key.getId()));
	}

	@Transactional(readOnly = true)
	public boolean hasAnyWorkspace() {
		return this.workspaces.count() > 0;
	}

	/**
	 * Creates a workspace with one API key. The token is the given one, or a new one when {@code token} is null.
	 * @return the API key's token: the only time a generated one is ever visible
	 */
	@Transactional
	public ProvisionedWorkspace createWorkspace(String name, String token) {
		Workspace workspace = this.workspaces.save(Workspace.create(name, true, this.clock.instant()));
		String apiKeyToken = (token != null) ? token : Secrets.token("seam_test");
		this.apiKeys.save(ApiKey.of(workspace.getId(), name + " API key", apiKeyToken, this.clock.instant()));
		return new ProvisionedWorkspace(workspace.getId(), apiKeyToken);
	}

	public record ApiKeyIdentity(String workspaceId, String apiKeyId) {
	}

	public record ProvisionedWorkspace(String workspaceId, String apiKey) {
	}

}
