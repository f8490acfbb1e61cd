package dev.emulator.seam.connectwebview;

import jakarta.servlet.http.HttpServletRequest;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.web.PublicUrl;
import dev.emulator.seam.web.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code /connect_webviews/create}, {@code /get} and {@code /list}; all three take a client session token
 * (CONTRACT 2.5). Create and list read {@code custom_metadata(_has)} objects from the body, hence
 * {@link JsonBodyReader} instead of a {@link SeamParams} argument.
 */
@RestController
class ConnectWebviewController {

	private final ConnectWebviewService service;

	private final JsonBodyReader bodyReader;

	private final PublicUrl publicUrl;

	ConnectWebviewController(ConnectWebviewService service, JsonBodyReader bodyReader, PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
		this.service = service;
		this.bodyReader = bodyReader;
	}

	@RequestMapping("/connect_webviews/create")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	ConnectWebviewResponses.One create(AuthContext auth, HttpServletRequest request) {
		ConnectWebviewParams.Create params = ConnectWebviewParams.Create.from(this.bodyReader.read(request));
		String baseUrl = this.publicUrl.base();
		return ConnectWebviewResponses.One.of(this.service.create(auth, params, baseUrl));
	}

	@RequestMapping("/connect_webviews/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	ConnectWebviewResponses.One get(AuthContext auth, SeamParams params) {
		return ConnectWebviewResponses.One.of(this.service.get(auth, ConnectWebviewParams.Get.from(params)));
	}

	@RequestMapping("/connect_webviews/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	ConnectWebviewResponses.Many list(AuthContext auth, HttpServletRequest request) {
		ConnectWebviewParams.ListFilter filter = ConnectWebviewParams.ListFilter.from(this.bodyReader.read(request));
		return ConnectWebviewResponses.Many.of(this.service.list(auth, filter));
	}

}
