package dev.emulator.seam.workspace;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceRepository extends JpaRepository<Workspace, String> {

	/** The credential lookup for publishable keys, through the unique index on the key's hash. */
	Optional<Workspace> findByPublishableKeyHash(String publishableKeyHash);

}
