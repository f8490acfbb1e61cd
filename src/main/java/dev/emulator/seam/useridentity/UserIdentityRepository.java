package dev.emulator.seam.useridentity;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Every write of {@code user_identities}; reads for the routes are
 * {@link UserIdentityReads}.
 */
interface UserIdentityRepository extends JpaRepository<UserIdentity, String> {

	boolean existsByWorkspaceIdAndUserIdentityKey(String workspaceId, String userIdentityKey);

}
