package dev.emulator.seam.connectwebview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.emulator.seam.auth.SeamRoute;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * The page a Connect Webview's {@code url} opens in the browser: the user picks a
 * provider and finishes, which completes the webview as
 * {@code /_sandbox/connect_webviews/complete} does, then goes to
 * {@code custom_redirect_url} (or a done page). Like Seam's, the page needs no
 * credential: the webview id in the URL opens it. The form carries a per-webview nonce
 * that only the page shows, so another site cannot complete a webview by posting to this
 * route.
 */
@RestController
class ConnectWebviewPageController {

	private static final List<String> DEFAULT_PROVIDERS = List.of("august", "schlage", "yale");

	private final ConnectWebviewService webviews;

	private final ConnectWebviewSandbox sandbox;

	ConnectWebviewPageController(ConnectWebviewService webviews, ConnectWebviewSandbox sandbox) {
		this.webviews = webviews;
		this.sandbox = sandbox;
	}

	@RequestMapping("/connect_webviews/view")
	@SeamRoute(methods = { GET, POST }, anonymous = true)
	ResponseEntity<String> view(HttpServletRequest request) {
		String id = request.getParameter("connect_webview_id");
		ConnectWebviewView webview = (id == null || id.isBlank()) ? null : this.webviews.findForPage(id).orElse(null);
		if (webview == null) {
			return html(HttpStatus.NOT_FOUND, page("Connect Webview not found",
					"<p>This Connect Webview does not exist. Ask the application for a new link.</p>"));
		}
		if ("POST".equals(request.getMethod())) {
			return complete(webview, request);
		}
		if ("authorized".equals(webview.status())) {
			return done(webview);
		}
		String nonce = this.webviews.pageNonce(webview);
		List<String> providers = webview.acceptedProviders().isEmpty() ? DEFAULT_PROVIDERS
				: webview.acceptedProviders();
		StringBuilder form = new StringBuilder();
		form.append("<form method=\"post\" action=\"/connect_webviews/view\">")
			.append(hidden("connect_webview_id", webview.connectWebviewId()))
			.append(hidden("nonce", nonce))
			.append("<fieldset><legend>Choose your provider</legend>");
		for (int i = 0; i < providers.size(); i++) {
			String provider = HtmlUtils.htmlEscape(providers.get(i));
			form.append("<label><input type=\"radio\" name=\"provider\" value=\"")
				.append(provider)
				.append('"')
				.append((i == 0) ? " checked" : "")
				.append("> ")
				.append(provider)
				.append("</label><br>");
		}
		form.append("</fieldset><p>This is a sandbox: no password is needed.</p>")
			.append("<button type=\"submit\" id=\"connect\">Connect</button></form>");
		return html(HttpStatus.OK, page("Connect your account", form.toString()));
	}

	private ResponseEntity<String> complete(ConnectWebviewView webview, HttpServletRequest request) {
		String nonce = request.getParameter("nonce");
		String stored = this.webviews.storedPageNonce(webview).orElse(null);
		if (nonce == null || stored == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
				stored.getBytes(StandardCharsets.UTF_8))) {
			return html(HttpStatus.FORBIDDEN, page("Link expired",
					"<p>This form did not come from this Connect Webview's page. Open the link again.</p>"));
		}
		String provider = request.getParameter("provider");
		try {
			this.sandbox.complete(webview.workspaceId(), new ConnectWebviewParams.Complete(webview.connectWebviewId(),
					(provider == null || provider.isBlank()) ? null : provider, null, 2));
		}
		catch (ApiException ex) {
			if (!ErrorTypes.INVALID_INPUT.equals(ex.getType())) {
				throw ex;
			}
			return html(HttpStatus.BAD_REQUEST, page("Provider not accepted",
					"<p>This Connect Webview does not accept that provider. Go back and choose another.</p>"));
		}
		return done(this.webviews.findForPage(webview.connectWebviewId()).orElseThrow());
	}

	/**
	 * To {@code custom_redirect_url} (303, so the browser follows with GET), else a done
	 * page.
	 */
	private static ResponseEntity<String> done(ConnectWebviewView webview) {
		if (webview.customRedirectUrl() != null && !webview.customRedirectUrl().isBlank()) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.header(HttpHeaders.LOCATION, webview.customRedirectUrl())
				.cacheControl(CacheControl.noStore())
				.build();
		}
		return html(HttpStatus.OK,
				page("Account connected", "<p id=\"done\">Your account is connected. You can close this window.</p>"));
	}

	private static String hidden(String name, String value) {
		return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + HtmlUtils.htmlEscape(value) + "\">";
	}

	private static String page(String title, String body) {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
				+ HtmlUtils.htmlEscape(title) + "</title><style>body{font-family:sans-serif;max-width:28rem;"
				+ "margin:3rem auto;padding:0 1rem}button{padding:.5rem 1.5rem}</style></head><body><h1>"
				+ HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
	}

	private static ResponseEntity<String> html(HttpStatus status, String body) {
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			// The page runs no script and must not be framed by another site.
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
			.body(body);
	}

}
