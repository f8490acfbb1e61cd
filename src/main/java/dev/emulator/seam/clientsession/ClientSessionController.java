package dev.emulator.seam.clientsession;

import jakarta.servlet.http.HttpServletRequest;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.web.OkResponse;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static dev.emulator.seam.auth.AuthMethod.PUBLISHABLE_KEY;
import static org.springframework.web.bind.annotation.RequestMethod.DELETE;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.PATCH;
import static org.springframework.web.bind.annotation.RequestMethod.POST;
import static org.springframework.web.bind.annotation.RequestMethod.PUT;

/**
 * The seven {@code /client_sessions/*} routes. Methods and accepted credentials are those
 * of Seam's OpenAPI (BEHAVIOUR 2.5 and 3.1).
 */
@RestController
class ClientSessionController {

	private final ClientSessionService service;

	ClientSessionController(ClientSessionService service) {
		this.service = service;
	}

	@RequestMapping("/client_sessions/create")
	@SeamRoute(methods = { POST, PUT }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, PUBLISHABLE_KEY })
	ClientSessionResponses.One create(AuthContext auth, ClientSessionParams.Create params, HttpServletRequest request) {
		boolean returnExisting = HttpMethod.PUT.matches(request.getMethod());
		return ClientSessionResponses.One.of(this.service.create(auth, params, returnExisting));
	}

	@RequestMapping("/client_sessions/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	ClientSessionResponses.One get(AuthContext auth, ClientSessionParams.Get params) {
		return ClientSessionResponses.One.of(this.service.get(auth, params));
	}

	// Seam's OpenAPI lists POST only; Seam's fake also takes PUT, and accepting it costs
	// nothing.
	@RequestMapping("/client_sessions/get_or_create")
	@SeamRoute(methods = { POST, PUT }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, PUBLISHABLE_KEY })
	ClientSessionResponses.One getOrCreate(AuthContext auth, ClientSessionParams.GetOrCreate params) {
		return ClientSessionResponses.One.of(this.service.getOrCreate(auth, params.create()));
	}

	@RequestMapping("/client_sessions/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	ClientSessionResponses.Many list(AuthContext auth, ClientSessionParams.ListFilter filter) {
		return ClientSessionResponses.Many.of(this.service.list(auth, filter));
	}

	@RequestMapping("/client_sessions/grant_access")
	@SeamRoute(methods = { PATCH, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	ClientSessionResponses.One grantAccess(AuthContext auth, ClientSessionParams.GrantAccess params) {
		return ClientSessionResponses.One.of(this.service.grantAccess(auth, params));
	}

	@RequestMapping("/client_sessions/revoke")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	OkResponse revoke(AuthContext auth, ClientSessionParams.ById params) {
		this.service.revoke(auth, params);
		return OkResponse.OK;
	}

	@RequestMapping("/client_sessions/delete")
	@SeamRoute(methods = { DELETE, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	OkResponse delete(AuthContext auth, ClientSessionParams.ById params) {
		this.service.delete(auth, params);
		return OkResponse.OK;
	}

}
