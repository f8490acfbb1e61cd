package dev.emulator.seam.connectwebview;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code POST /_sandbox/connect_webviews/complete}: a route of this server, not Seam's,
 * that stands in for the user finishing a webview (Seam's own sandbox does that through
 * its login page). It takes the workspace's own credentials, never a client session
 * token: a browser must not be able to connect accounts by itself.
 */
@RestController
class ConnectWebviewSandboxController {

	private final ConnectWebviewSandbox sandbox;

	ConnectWebviewSandboxController(ConnectWebviewSandbox sandbox) {
		this.sandbox = sandbox;
	}

	@RequestMapping("/_sandbox/connect_webviews/complete")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	ConnectWebviewResponses.Completed complete(AuthContext auth, ConnectWebviewParams.Complete params) {
		return ConnectWebviewResponses.Completed.of(this.sandbox.complete(auth, params));
	}

}
