package dev.emulator.seam.connectwebview;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ClientSessionAuth;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.support.Secrets;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The rules of {@code /connect_webviews/create}, {@code /get} and {@code /list}. Every
 * lookup is scoped to the caller's workspace (another workspace's webview is 404
 * {@code connect_webview_not_found}); a client session token additionally sees only its
 * session's webviews (BEHAVIOUR 4.5).
 */
@Service
class ConnectWebviewService {

	private final ConnectWebviewRepository webviews;

	private final ConnectWebviewReads reads;

	private final ResourceScopes scopes;

	private final ApplicationEventPublisher events;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	ConnectWebviewService(ConnectWebviewRepository webviews, ConnectWebviewReads reads, ResourceScopes scopes,
			ApplicationEventPublisher events, JsonMapper jsonMapper, Clock clock) {
		this.webviews = webviews;
		this.reads = reads;
		this.scopes = scopes;
		this.events = events;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Creates a pending webview whose {@code url} points at this server
	 * ({@code baseUrl}). Created with a client session token, the webview joins that
	 * session's {@code connect_webview_ids} in the same transaction (Seam's fake:
	 * connect_webviews/create.ts), so that the account it later connects joins the
	 * session too.
	 */
	@Transactional
	public ConnectWebviewView create(AuthContext auth, ConnectWebviewParams.Create params, String baseUrl) {
		String id = Secrets.newId();
		String url = UriComponentsBuilder.fromUriString(baseUrl)
			.path("/connect_webviews/view")
			.queryParam("connect_webview_id", id)
			.toUriString();
		// Seam's timestamps have millisecond precision (JavaScript dates).
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		this.webviews.saveAndFlush(ConnectWebview.create(id, auth.workspaceId(), url, params,
				this.jsonMapper.writeValueAsString(params.customMetadata()), now));
		String creator = (auth instanceof ClientSessionAuth session) ? session.clientSessionId() : null;
		this.events.publishEvent(new ConnectWebviewCreated(auth.workspaceId(), id, creator));
		return this.reads.find(auth.workspaceId(), id).orElseThrow();
	}

	/**
	 * One webview: 404 {@code connect_webview_not_found} when the workspace has none with
	 * that id, 401 {@code unauthorized} when it has one the client session does not hold
	 * (as {@code /devices/get} answers for a device the session does not own, BEHAVIOUR
	 * 4.5).
	 */
	@Transactional(readOnly = true)
	public ConnectWebviewView get(AuthContext auth, ConnectWebviewParams.Get params) {
		ConnectWebviewView webview = this.reads.find(auth.workspaceId(), params.connectWebviewId())
			.orElseThrow(
					() -> ApiException.notFound(ErrorTypes.CONNECT_WEBVIEW_NOT_FOUND, "Connect webview not found"));
		if (!this.scopes.of(auth, null).canSeeConnectWebview(webview.connectWebviewId())) {
			throw ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, "Not authorized to view this connect webview");
		}
		return webview;
	}

	/**
	 * The webviews the caller may see: a client session's own, the live session's of
	 * {@code user_identifier_key} (none when that user has no live session, BEHAVIOUR
	 * 4.2), or the whole workspace's.
	 */
	@Transactional(readOnly = true)
	public Paging.Page<ConnectWebviewView> list(AuthContext auth, ConnectWebviewParams.ListFilter filter) {
		ResourceScope scope = this.scopes.of(auth, filter.userIdentifierKey());
		List<ConnectWebviewView> rows = this.reads.search(auth.workspaceId(),
				scope.restricted() ? scope.connectWebviewIds() : null, filter);
		return filter.page().result(rows, ConnectWebviewView::createdAt, ConnectWebviewView::connectWebviewId);
	}

	/**
	 * The webview a page link opens, in whichever workspace holds it (the id alone opens
	 * it).
	 */
	Optional<ConnectWebviewView> findForPage(String id) {
		return this.reads.findAnywhere(id);
	}

	/**
	 * The nonce the webview's page puts in its form: made the first time the page is
	 * shown, under the webview's row lock so that two first views agree on it.
	 */
	@Transactional
	String pageNonce(ConnectWebviewView webview) {
		return this.webviews.findByWorkspaceIdAndIdForUpdate(webview.workspaceId(), webview.connectWebviewId())
			.orElseThrow(() -> ApiException.notFound(ErrorTypes.CONNECT_WEBVIEW_NOT_FOUND, "Connect webview not found"))
			.pageNonce(Secrets.newId());
	}

	/** The nonce the webview's page showed; empty while it has shown none. */
	Optional<String> storedPageNonce(ConnectWebviewView webview) {
		return this.webviews.findPageNonce(webview.workspaceId(), webview.connectWebviewId());
	}

}
