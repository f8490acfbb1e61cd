package dev.emulator.seam.clientsession;

import java.time.Instant;
import java.util.Optional;

import dev.emulator.seam.auth.CredentialStore;
import dev.emulator.seam.auth.CredentialStore.ClientSessionCredential;
import dev.emulator.seam.auth.CredentialStore.PublishableKeyWorkspace;
import dev.emulator.seam.support.Hashes;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Client sessions as authentication and scoping read them: by token (the one unscoped
 * lookup of sessions, through the unique index on the token's SHA-256), the live session
 * of a user, and a publishable key's workspace together with its user's session.
 */
@Component
class ClientSessionDirectory implements CredentialStore.ClientSessions {

	private static final String ROW_ATTRIBUTE = ClientSessionDirectory.class.getName() + ".row";

	private static final String USER_SESSION_ATTRIBUTE = ClientSessionDirectory.class.getName() + ".userSession";

	private final ClientSessionReads reads;

	ClientSessionDirectory(ClientSessionReads reads) {
		this.reads = reads;
	}

	/**
	 * The session whose token this is, read from the database on every call: nothing is
	 * cached across requests, so a revoke or a delete is seen by the very next request.
	 * One statement outside any transaction; it reads the whole session with its
	 * device_count, and the row is kept on the current request only, so that
	 * {@code /client_sessions/get} with this token answers from the row its
	 * authentication has just read instead of reading it a second time.
	 */
	@Override
	public Optional<ClientSessionCredential> findByToken(String token) {
		Optional<ClientSessionReads.Row> found = this.reads.byTokenHash(Hashes.sha256Hex(token));
		found.ifPresent(ClientSessionDirectory::keepForThisRequest);
		return found.map(ClientSessionDirectory::credential);
	}

	@Override
	public Optional<ClientSessionCredential> liveSessionOfUser(String workspaceId, String userIdentifierKey,
			Instant now) {
		return this.reads.liveSessionOfUser(workspaceId, userIdentifierKey, now)
			.map(ClientSessionDirectory::credential);
	}

	/**
	 * The publishable key's workspace, read in one statement with the user's session in
	 * it; the session (or that there is none) is kept on the current request only, for
	 * {@link #userSessionReadForThisRequest}. Nothing is cached across requests: the key
	 * is read on every request.
	 */
	@Override
	public Optional<PublishableKeyWorkspace> findByPublishableKey(String publishableKey, String userIdentifierKey) {
		Optional<ClientSessionReads.PublishableKeyRead> found = this.reads
			.byPublishableKeyHash(Hashes.sha256Hex(publishableKey), userIdentifierKey);
		found.filter(ClientSessionReads.PublishableKeyRead::publishableKeyAuthEnabled)
			.ifPresent((read) -> keep(USER_SESSION_ATTRIBUTE,
					new UserSessionRead(read.workspaceId(), userIdentifierKey, read.userSession())));
		return found.map((read) -> new PublishableKeyWorkspace(read.workspaceId(), read.publishableKeyAuthEnabled()));
	}

	/**
	 * What authentication read of this user's session in this request, when it read it:
	 * the session that held the user's live key then (it may have expired since), or an
	 * empty optional when there was none. Empty outer optional: nothing was read.
	 */
	static Optional<Optional<ClientSessionReads.Row>> userSessionReadForThisRequest(String workspaceId,
			String userIdentifierKey) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(USER_SESSION_ATTRIBUTE,
						RequestAttributes.SCOPE_REQUEST) instanceof UserSessionRead read
				&& read.workspaceId().equals(workspaceId) && read.userIdentifierKey().equals(userIdentifierKey)) {
			return Optional.of(read.session());
		}
		return Optional.empty();
	}

	private record UserSessionRead(String workspaceId, String userIdentifierKey,
			Optional<ClientSessionReads.Row> session) {
	}

	private static ClientSessionCredential credential(ClientSessionReads.Row s) {
		return new ClientSessionCredential(s.id(), s.workspaceId(), s.userIdentifierKey(), s.connectedAccountIds(),
				s.connectWebviewIds(), s.userIdentityId(), s.expiresAt(), s.revokedAt());
	}

	/**
	 * The row that authenticated the current request, when it is the session with this
	 * id.
	 */
	static Optional<ClientSessionReads.Row> readForThisRequest(String workspaceId, String clientSessionId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(ROW_ATTRIBUTE,
						RequestAttributes.SCOPE_REQUEST) instanceof ClientSessionReads.Row row
				&& row.id().equals(clientSessionId) && row.workspaceId().equals(workspaceId)) {
			return Optional.of(row);
		}
		return Optional.empty();
	}

	private static void keepForThisRequest(ClientSessionReads.Row row) {
		keep(ROW_ATTRIBUTE, row);
	}

	private static void keep(String attribute, Object value) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(attribute, value, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
