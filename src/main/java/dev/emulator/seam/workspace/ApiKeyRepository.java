package dev.emulator.seam.workspace;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKey, String> {

	/** The credential lookup: unscoped by design, through the unique index on the token's hash. */
	Optional<ApiKey> findByTokenHash(String tokenHash);

}
