package dev.emulator.seam.connectedaccount;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every write of {@code connected_accounts}; each query starts with the workspace. */
interface ConnectedAccountRepository extends JpaRepository<ConnectedAccount, String> {

	Optional<ConnectedAccount> findByWorkspaceIdAndId(String workspaceId, String id);

}
