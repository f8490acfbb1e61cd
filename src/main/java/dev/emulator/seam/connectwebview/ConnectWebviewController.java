package dev.emulator.seam.connectwebview;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.SeamRoute;
import dev.emulator.seam.web.PublicUrl;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code /connect_webviews/create}, {@code /get} and {@code /list}; all three take a
 * client session token (BEHAVIOUR 2.5).
 */
@RestController
class ConnectWebviewController {

	private final ConnectWebviewService service;

	private final PublicUrl publicUrl;

	ConnectWebviewController(ConnectWebviewService service, PublicUrl publicUrl) {
		this.service = service;
		this.publicUrl = publicUrl;
	}

	@RequestMapping("/connect_webviews/create")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	ConnectWebviewResponses.One create(AuthContext auth, ConnectWebviewParams.Create params) {
		// The webview's url is on this server, at its configured public address (never
		// the request's Host header).
		return ConnectWebviewResponses.One.of(this.service.create(auth, params, this.publicUrl.base()));
	}

	@RequestMapping("/connect_webviews/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	ConnectWebviewResponses.One get(AuthContext auth, ConnectWebviewParams.Get params) {
		return ConnectWebviewResponses.One.of(this.service.get(auth, params));
	}

	@RequestMapping("/connect_webviews/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	ConnectWebviewResponses.Many list(AuthContext auth, ConnectWebviewParams.ListFilter filter) {
		return ConnectWebviewResponses.Many.of(this.service.list(auth, filter));
	}

}
