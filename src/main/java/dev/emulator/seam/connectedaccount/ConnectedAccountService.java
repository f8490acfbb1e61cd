package dev.emulator.seam.connectedaccount;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.clientsession.ClientSessionSync;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the connected account routes (CONTRACT 4.3, 4.4). An account of another workspace is reported exactly
 * like a missing one, 404 {@code connected_account_not_found}; one of the caller's workspace that its client session
 * does not own is 401 {@code unauthorized}, as {@code /devices/get} answers for devices.
 */
@Service
class ConnectedAccountService {

	private final ConnectedAccountRepository accounts;

	private final ResourceScopes scopes;

	private final ClientSessionSync sessionSync;

	private final Clock clock;

	ConnectedAccountService(ConnectedAccountRepository accounts, ResourceScopes scopes, ClientSessionSync sessionSync,
			Clock clock) {
		this.accounts = accounts;
		this.scopes = scopes;
		this.sessionSync = sessionSync;
		this.clock = clock;
	}

	/** One page of the accounts the caller may see, oldest first. */
	@Transactional(readOnly = true)
	Paging.Page<ConnectedAccountView> list(AuthContext auth, String userIdentifierKey, String customerKey,
			Paging.Request page) {
		ResourceScope scope = this.scopes.of(auth, userIdentifierKey);
		Set<String> visible = scope.restricted() ? scope.connectedAccountIds() : null;
		List<ConnectedAccountView> rows = this.accounts.search(auth.workspaceId(), visible, customerKey, page);
		return page.result(rows, ConnectedAccountView::createdAt, ConnectedAccountView::connectedAccountId);
	}

	@Transactional(readOnly = true)
	ConnectedAccountView getById(AuthContext auth, String connectedAccountId) {
		ConnectedAccountView account = this.accounts.findById(auth.workspaceId(), connectedAccountId)
			.orElseThrow(ConnectedAccountService::notFound);
		return visibleOrRefuse(auth, List.of(account));
	}

	/** The oldest account with this {@code user_identifier.email} that the caller may see. */
	@Transactional(readOnly = true)
	ConnectedAccountView getByEmail(AuthContext auth, String email) {
		List<ConnectedAccountView> found = this.accounts.findByEmail(auth.workspaceId(), email);
		if (found.isEmpty()) {
			throw notFound();
		}
		return visibleOrRefuse(auth, found);
	}

	/**
	 * Deletes the account with its devices, takes it out of every session that held it and records
	 * {@code connected_account.deleted}, all in one transaction; 404 when the workspace has no such account.
	 */
	@Transactional
	void delete(AuthContext auth, String connectedAccountId) {
		ConnectedAccountView deleted = this.accounts.delete(auth.workspaceId(), connectedAccountId)
			.orElseThrow(ConnectedAccountService::notFound);
		this.sessionSync.connectedAccountDeleted(auth.workspaceId(), connectedAccountId);
		this.accounts.recordDeleted(deleted, now());
	}

	private ConnectedAccountView visibleOrRefuse(AuthContext auth, List<ConnectedAccountView> found) {
		ResourceScope scope = this.scopes.of(auth, null);
		Optional<ConnectedAccountView> visible = found.stream()
			.filter((account) -> scope.canSeeConnectedAccount(account.connectedAccountId()))
			.findFirst();
		// CONTRACT 4.3: Seam's fake hands any account to any token; the recommendation is to refuse as devices do.
		return visible.orElseThrow(() -> ApiException.unauthorized(ErrorTypes.UNAUTHORIZED,
				"Not authorized to view this connected account"));
	}

	// Seam's timestamps have millisecond precision (JavaScript dates).
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static ApiException notFound() {
		return ApiException.notFound(ErrorTypes.CONNECTED_ACCOUNT_NOT_FOUND, "Connected account not found");
	}

}
