package dev.emulator.seam.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.emulator.seam.support.AssignedIdEntity;
import dev.emulator.seam.support.Secrets;

/**
 * A workspace. Its credentials ({@link ApiKey}, {@link PublishableKey}) are rows of their
 * own.
 */
@Entity
@Table(name = "workspaces")
class Workspace extends AssignedIdEntity {

	@Id
	@Column(name = "workspace_id")
	private String id;

	private String name;

	private String companyName;

	private boolean isSandbox;

	private boolean isSuspended;

	private boolean isPublishableKeyAuthEnabled;

	private Instant createdAt;

	protected Workspace() {
	}

	static Workspace create(String name, boolean sandbox, Instant now) {
		Workspace workspace = new Workspace();
		workspace.id = Secrets.newId();
		workspace.name = name;
		workspace.companyName = name;
		workspace.isSandbox = sandbox;
		workspace.isPublishableKeyAuthEnabled = true;
		workspace.createdAt = now;
		return workspace;
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	boolean isSandbox() {
		return this.isSandbox;
	}

}
