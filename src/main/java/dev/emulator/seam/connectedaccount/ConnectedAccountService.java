package dev.emulator.seam.connectedaccount;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;

import dev.emulator.seam.event.EventLog;
import dev.emulator.seam.event.EventLog.NewEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the connected account routes (BEHAVIOUR 4.4, 4.8). An account of another
 * workspace is reported exactly like a missing one, 404
 * {@code connected_account_not_found}; one of the caller's workspace that its client
 * session does not own is 401 {@code unauthorized}, as {@code /devices/get} answers for
 * devices.
 */
@Service
public class ConnectedAccountService {

	private final ConnectedAccountReads accounts;

	private final ConnectedAccountRepository writes;

	private final EventLog eventLog;

	private final JsonMapper jsonMapper;

	private final ResourceScopes scopes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConnectedAccountService(ConnectedAccountReads accounts, ConnectedAccountRepository writes, EventLog eventLog,
			JsonMapper jsonMapper, ResourceScopes scopes, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.writes = writes;
		this.eventLog = eventLog;
		this.jsonMapper = jsonMapper;
		this.scopes = scopes;
		this.events = events;
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

	/**
	 * The oldest account with this {@code user_identifier.email} that the caller may see.
	 */
	@Transactional(readOnly = true)
	ConnectedAccountView getByEmail(AuthContext auth, String email) {
		List<ConnectedAccountView> found = this.accounts.findByEmail(auth.workspaceId(), email);
		if (found.isEmpty()) {
			throw notFound();
		}
		return visibleOrRefuse(auth, found);
	}

	/**
	 * Deletes the account with its devices, takes it out of every session that held it
	 * and records {@code connected_account.deleted}, all in one transaction; 404 when the
	 * workspace has no such account.
	 */
	@Transactional
	void delete(AuthContext auth, String connectedAccountId) {
		ConnectedAccount account = this.writes.findByWorkspaceIdAndId(auth.workspaceId(), connectedAccountId)
			.orElseThrow(ConnectedAccountService::notFound);
		// Its devices go with it and webviews forget it (foreign keys).
		this.writes.delete(account);
		this.writes.flush();
		this.events.publishEvent(new ConnectedAccountDeleted(auth.workspaceId(), connectedAccountId));
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("connected_account_type", account.getProvider());
		members.put("connected_account_custom_metadata", this.jsonMapper.readTree(account.getCustomMetadata()));
		if (account.getCustomerKey() != null) {
			members.put("customer_key", account.getCustomerKey());
		}
		this.eventLog.append(auth.workspaceId(), new NewEvent("connected_account.deleted",
				"A connected account was deleted.", null, connectedAccountId, null, null, members), now());
	}

	/**
	 * Connects an account (the sandbox's Connect Webview completion, which plays the
	 * provider's login) and returns its id. Runs inside the caller's transaction.
	 */
	@Transactional
	public String connect(String workspaceId, NewConnectedAccount spec, Instant createdAt) {
		// Flushed at once: other features go on in plain SQL statements that refer to
		// this row.
		this.writes.saveAndFlush(
				ConnectedAccount.create(workspaceId, spec, this.jsonMapper.writeValueAsString(spec.userIdentifier()),
						this.jsonMapper.writeValueAsString(spec.customMetadata()), createdAt));
		return spec.connectedAccountId();
	}

	private ConnectedAccountView visibleOrRefuse(AuthContext auth, List<ConnectedAccountView> found) {
		ResourceScope scope = this.scopes.of(auth, null);
		Optional<ConnectedAccountView> visible = found.stream()
			.filter((account) -> scope.canSeeConnectedAccount(account.connectedAccountId()))
			.findFirst();
		// BEHAVIOUR 4.4: Seam's fake hands any account to any token; the recommendation
		// is to refuse as devices do.
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
