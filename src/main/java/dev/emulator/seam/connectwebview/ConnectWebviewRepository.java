package dev.emulator.seam.connectwebview;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every write of {@code connect_webviews}; each query starts with the workspace. Reads
 * for the routes are {@link ConnectWebviewReads}.
 */
interface ConnectWebviewRepository extends JpaRepository<ConnectWebview, String> {

	/**
	 * The webview, locked until the transaction ends: completing it twice at once must
	 * not connect two accounts, and its page's nonce is set once.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select w from ConnectWebview w where w.workspaceId = :workspaceId and w.id = :id")
	Optional<ConnectWebview> findByWorkspaceIdAndIdForUpdate(@Param("workspaceId") String workspaceId,
			@Param("id") String id);

	/** The page nonce of the webview; empty while its page has not been shown. */
	@Query("select w.pageNonce from ConnectWebview w where w.workspaceId = :workspaceId and w.id = :id")
	Optional<String> findPageNonce(@Param("workspaceId") String workspaceId, @Param("id") String id);

	/**
	 * The connected accounts of those of the given webviews that are authorized, in
	 * webview creation order.
	 */
	@Query("""
			select w.connectedAccountId from ConnectWebview w
			where w.workspaceId = :workspaceId and w.id in :ids
			  and w.status = 'authorized' and w.connectedAccountId is not null
			order by w.createdAt, w.id""")
	List<String> findAuthorizedAccountIds(@Param("workspaceId") String workspaceId,
			@Param("ids") Collection<String> ids);

}
