package dev.emulator.seam.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.emulator.seam.support.Hashes;
import dev.emulator.seam.support.Secrets;

@Entity
@Table(name = "workspaces")
class Workspace {

	@Id
	@Column(name = "workspace_id")
	private String id;

	private String name;

	private String companyName;

	private boolean isSandbox;

	private boolean isSuspended;

	private boolean isPublishableKeyAuthEnabled;

	private String publishableKey;

	private String publishableKeyHash;

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
		workspace.publishableKey = Secrets.token("seam_pk1");
		workspace.publishableKeyHash = Hashes.sha256Hex(workspace.publishableKey);
		workspace.createdAt = now;
		return workspace;
	}

	String getId() {
		return this.id;
	}

	String getPublishableKeyHash() {
		return this.publishableKeyHash;
	}

	boolean isPublishableKeyAuthEnabled() {
		return this.isPublishableKeyAuthEnabled;
	}

	String getName() {
		return this.name;
	}

}
