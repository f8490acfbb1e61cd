package dev.emulator.seam.clientsession;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.emulator.seam.auth.ApiKeyAuth;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ClientSessionAuth;
import dev.emulator.seam.auth.PublishableKeyAuth;
import dev.emulator.seam.support.EmulatorProperties;
import dev.emulator.seam.connectwebview.ConnectWebviewAccounts;
import dev.emulator.seam.event.EventLog;
import dev.emulator.seam.support.TokenCipher;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.SeamParams;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of the client session routes (BEHAVIOUR 3). Every method takes the caller's
 * {@link AuthContext} and only ever touches sessions of the caller's workspace; a session
 * of another workspace is reported exactly like a missing one, 404
 * {@code client_session_not_found}.
 */
@Service
public class ClientSessionService {

	private final ClientSessionRepository sessions;

	private final ConnectWebviewAccounts webviewAccounts;

	private final EventLog events;

	private final EmulatorProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TokenCipher tokenCipher;

	private final ClientSessionReads reads;

	ClientSessionService(ClientSessionRepository sessions, ClientSessionReads reads,
			ConnectWebviewAccounts webviewAccounts, EventLog events, EmulatorProperties properties, Clock clock,
			PlatformTransactionManager transactionManager, TokenCipher tokenCipher) {
		this.tokenCipher = tokenCipher;
		this.sessions = sessions;
		this.reads = reads;
		this.webviewAccounts = webviewAccounts;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Creates a session (BEHAVIOUR 3.6). When the user already has a live session,
	 * {@code PUT} ({@code returnExisting}) returns it unchanged and {@code POST} fails
	 * with 400 {@code client_session_token_already_exists}.
	 */
	public ClientSessionView create(AuthContext auth, ClientSessionParams.Create requested, boolean returnExisting) {
		ClientSessionParams.Create params = forCaller(auth, requested);
		return inTransactionRetryingOnConflict(() -> {
			Instant now = now();
			String key = params.userIdentifierKey();
			if (key != null) {
				Optional<ClientSession> existing = liveSessionOfUser(auth.workspaceId(), key, now);
				if (existing.isPresent()) {
					if (!returnExisting) {
						throw ApiException.badRequest(ErrorTypes.CLIENT_SESSION_TOKEN_ALREADY_EXISTS,
								"A client session token already exists for this user, try using /client_sessions/get_or_create");
					}
					return view(existing.get());
				}
			}
			return view(insert(auth, params, now));
		});
	}

	/**
	 * Returns the user's live session, updated with what was given, or creates one
	 * (BEHAVIOUR 3.9). Without a {@code user_identifier_key} the match is on
	 * {@code user_identity_id}; with neither, a new session is created.
	 */
	public ClientSessionView getOrCreate(AuthContext auth, ClientSessionParams.Create requested) {
		ClientSessionParams.Create params = forCaller(auth, requested);
		if (params.userIdentifierKey() != null && !params.updatesAnything()) {
			// The common call (the SDK's fromPublishableKey, on every page load) finds
			// the user's live session and changes nothing: one read, without the per-user
			// lock, which would serialise every request of that user behind one
			// transaction at a time. With a publishable key that read is the one its
			// authentication made in this request (the key and the session in one
			// statement); otherwise it is made here. Only a miss takes the locked path
			// below, which creates.
			Instant now = now();
			Optional<ClientSessionReads.Row> live = ClientSessionDirectory
				.userSessionReadForThisRequest(auth.workspaceId(), params.userIdentifierKey())
				.orElseGet(() -> this.reads.liveSessionOfUser(auth.workspaceId(), params.userIdentifierKey(), now))
				.filter((session) -> session.isLive(now));
			if (live.isPresent()) {
				return live.get().view(this.tokenCipher);
			}
		}
		return inTransactionRetryingOnConflict(() -> {
			Instant now = now();
			Optional<ClientSession> match = Optional.empty();
			if (params.userIdentifierKey() != null) {
				match = liveSessionOfUser(auth.workspaceId(), params.userIdentifierKey(), now);
			}
			else if (params.userIdentityId() != null) {
				match = this.sessions
					.findFirstByWorkspaceIdAndUserIdentityIdAndRevokedAtIsNullAndExpiresAtAfterOrderByCreatedAtDesc(
							auth.workspaceId(), params.userIdentityId(), now);
			}
			if (match.isEmpty()) {
				return view(insert(auth, params, now));
			}
			ClientSession session = match.get();
			session.update(params.connectedAccountIds(), params.connectWebviewIds(), params.userIdentityId(),
					truncate(params.expiresAt()));
			return view(session);
		});
	}

	/**
	 * One session (BEHAVIOUR 3.8) by id, by user key (the newest live one, else the
	 * newest), or by both (they must name the same session). 404
	 * {@code client_session_not_found} otherwise. A read needs no transaction: each
	 * statement reads one committed state, and most of these are a single statement.
	 */
	public ClientSessionView get(AuthContext auth, ClientSessionParams.Get params) {
		String workspaceId = auth.workspaceId();
		if (auth instanceof ClientSessionAuth own) {
			return ownSession(own, params).view(this.tokenCipher);
		}
		Optional<ClientSessionReads.Row> found = Optional.empty();
		if (params.clientSessionId() != null) {
			found = this.reads.byId(workspaceId, params.clientSessionId())
				.filter((s) -> params.userIdentifierKey() == null
						|| params.userIdentifierKey().equals(s.userIdentifierKey()));
		}
		else if (params.userIdentifierKey() != null) {
			found = newestSessionOfUser(workspaceId, params.userIdentifierKey());
		}
		return found.orElseThrow(ClientSessionService::notFound).view(this.tokenCipher);
	}

	/**
	 * The workspace's sessions matching every given filter, oldest first (BEHAVIOUR
	 * 3.10).
	 */
	public List<ClientSessionView> list(AuthContext auth, ClientSessionParams.ListFilter filter) {
		return this.reads.search(auth.workspaceId(), filter).stream().map((row) -> row.view(this.tokenCipher)).toList();
	}

	/**
	 * Adds access to a session (BEHAVIOUR 3.11), chosen by id or else by the user's live
	 * session. Granting an authorized webview also grants the account it connected.
	 */
	@Transactional
	public ClientSessionView grantAccess(AuthContext auth, ClientSessionParams.GrantAccess params) {
		Instant now = now();
		String workspaceId = auth.workspaceId();
		ClientSession session;
		if (params.clientSessionId() != null) {
			session = this.sessions.findByWorkspaceIdAndIdForUpdate(workspaceId, params.clientSessionId())
				.orElseThrow(ClientSessionService::notFound);
			String key = params.userIdentifierKey();
			if (key != null && !key.equals(session.getUserIdentifierKey())) {
				if (session.getUserIdentifierKey() != null) {
					throw ApiException.invalidInput(
							"user_identifier_key does not match the client session's user_identifier_key",
							Map.of("_errors", List.of(), "user_identifier_key",
									Map.of("_errors", List.of("Does not match the client session"))));
				}
				this.sessions.lockUserIdentifierKey(workspaceId, key);
				if (liveSessionOfUser(workspaceId, key, now).isPresent()) {
					throw ApiException.badRequest(ErrorTypes.CLIENT_SESSION_TOKEN_ALREADY_EXISTS,
							"A client session token already exists for this user");
				}
				session.assignUserIdentifierKey(key, now);
			}
		}
		else {
			session = liveSessionOfUser(workspaceId, params.userIdentifierKey(), now)
				.orElseThrow(ClientSessionService::notFound);
		}
		List<String> accounts = new ArrayList<>();
		if (params.connectedAccountIds() != null) {
			accounts.addAll(params.connectedAccountIds());
		}
		if (params.connectWebviewIds() != null) {
			accounts.addAll(this.webviewAccounts.authorizedAccountIds(workspaceId, params.connectWebviewIds()));
		}
		session.grant(accounts, params.connectWebviewIds(), params.userIdentityId());
		return view(session);
	}

	/**
	 * Soft revoke (BEHAVIOUR 3.12): the token stops working at once; the session stays
	 * readable.
	 */
	@Transactional
	public void revoke(AuthContext auth, ClientSessionParams.ById params) {
		ClientSession session = this.sessions
			.findByWorkspaceIdAndIdForUpdate(auth.workspaceId(), params.clientSessionId())
			.orElseThrow(ClientSessionService::notFound);
		session.revoke(now());
	}

	/**
	 * Hard delete (BEHAVIOUR 3.13), recorded as a {@code client_session.deleted} event in
	 * the same transaction.
	 */
	@Transactional
	public void delete(AuthContext auth, ClientSessionParams.ById params) {
		ClientSession session = this.sessions
			.findByWorkspaceIdAndIdForUpdate(auth.workspaceId(), params.clientSessionId())
			.orElseThrow(ClientSessionService::notFound);
		this.sessions.delete(session);
		this.events.clientSessionDeleted(session.getWorkspaceId(), session.getId(), now());
	}

	/**
	 * A client session token reads its own session only. Seam's fake ignores a single
	 * parameter naming another session; this server refuses it, so that a token can never
	 * read another session (BEHAVIOUR 3.8).
	 */
	private ClientSessionReads.Row ownSession(ClientSessionAuth own, ClientSessionParams.Get params) {
		boolean otherId = params.clientSessionId() != null && !params.clientSessionId().equals(own.clientSessionId());
		boolean otherKey = params.userIdentifierKey() != null
				&& !params.userIdentifierKey().equals(own.userIdentifierKey());
		if ((params.clientSessionId() != null && params.userIdentifierKey() != null) || otherId || otherKey) {
			throw ApiException.badRequest(ErrorTypes.INVALID_OPTIONS,
					"Cannot send client_session_id or user_identifier_key params when using a client session token");
		}
		// The row authentication read for this token in this request, else (outside a web
		// request) a fresh read.
		return ClientSessionDirectory.readForThisRequest(own.workspaceId(), own.clientSessionId())
			.or(() -> this.reads.byId(own.workspaceId(), own.clientSessionId()))
			.orElseThrow(ClientSessionService::notFound);
	}

	/**
	 * A publishable key may only create or obtain an empty session for the user it came
	 * with (BEHAVIOUR 2.4, 3.7): 403 when anything is to be granted.
	 */
	private ClientSessionParams.Create forCaller(AuthContext auth, ClientSessionParams.Create params) {
		if (!(auth instanceof PublishableKeyAuth publishable)) {
			return params;
		}
		if (params.grantsAnything()) {
			throw ApiException.forbidden(ErrorTypes.PUBLISHABLE_KEYS_MUST_CREATE_EMPTY_CLIENT_SESSIONS,
					"You cannot specify connect_webview_ids or connected_account_ids when using a publishable key");
		}
		// The key may come from the seam-user-identifier-key header, which no parameter
		// rule has seen.
		int max = this.properties.maxStringLength();
		if (publishable.userIdentifierKey() != null && publishable.userIdentifierKey().length() > max) {
			throw SeamParams.invalidParameter("user_identifier_key",
					"String must contain at most " + max + " character(s)");
		}
		return params.withUserIdentifierKey(publishable.userIdentifierKey());
	}

	private ClientSession insert(AuthContext auth, ClientSessionParams.Create params, Instant now) {
		Instant expiresAt = (params.expiresAt() != null) ? truncate(params.expiresAt())
				: now.plus(this.properties.clientSessionLifetime());
		String apiKeyId = (auth instanceof ApiKeyAuth apiKey) ? apiKey.apiKeyId() : null;
		NewClientSession spec = new NewClientSession(params.userIdentifierKey(), orEmpty(params.connectedAccountIds()),
				orEmpty(params.connectWebviewIds()), params.userIdentityId(), params.customerKey(), params.customerId(),
				auth.method().name().toLowerCase(), apiKeyId);
		ClientSession session = ClientSession.create(auth.workspaceId(), spec, now, expiresAt,
				this.tokenCipher::encrypt);
		// Flushed here, so that a racing create that took the user's live key fails
		// inside the retry below.
		return this.sessions.saveAndFlush(session);
	}

	/**
	 * The user's live session, row-locked: every caller may change it, and a revoke,
	 * grant or delete of the same session waits for this transaction (and this one for
	 * theirs, then sees their outcome). Takes the per-user lock first; an expired session
	 * still holding the user's key is retired so that a new one can take its place.
	 */
	private Optional<ClientSession> liveSessionOfUser(String workspaceId, String key, Instant now) {
		this.sessions.lockUserIdentifierKey(workspaceId, key);
		Optional<ClientSession> holder = this.sessions.findByWorkspaceIdAndLiveUserIdentifierKeyForUpdate(workspaceId,
				key);
		if (holder.isPresent() && !holder.get().isLive(now)) {
			holder.get().retire();
			this.sessions.flush();
			return Optional.empty();
		}
		return holder;
	}

	private Optional<ClientSessionReads.Row> newestSessionOfUser(String workspaceId, String key) {
		return this.reads.liveSessionOfUser(workspaceId, key, now())
			.or(() -> this.reads.newestOfUser(workspaceId, key));
	}

	/**
	 * Runs a create in a transaction, once more if a concurrent request won the unique
	 * index on the user's live key: the second attempt then finds that session.
	 */
	private ClientSessionView inTransactionRetryingOnConflict(Supplier<ClientSessionView> work) {
		try {
			return this.transaction.execute((status) -> work.get());
		}
		catch (DataIntegrityViolationException ex) {
			return this.transaction.execute((status) -> work.get());
		}
	}

	/**
	 * A session changed in this transaction, as the read model shows it (with its
	 * device_count, BEHAVIOUR 3.3): the change is flushed first, and the read runs on the
	 * transaction's connection, so it sees it.
	 */
	private ClientSessionView view(ClientSession session) {
		this.sessions.flush();
		return this.reads.byId(session.getWorkspaceId(), session.getId())
			.orElseThrow(ClientSessionService::notFound)
			.view(this.tokenCipher);
	}

	// Seam's timestamps have millisecond precision (JavaScript dates); keep what is
	// stored and returned the same.
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Instant truncate(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}

	private static List<String> orEmpty(List<String> ids) {
		return (ids != null) ? ids : List.of();
	}

	private static ApiException notFound() {
		return ApiException.notFound(ErrorTypes.CLIENT_SESSION_NOT_FOUND, "Could not find client session");
	}

}
