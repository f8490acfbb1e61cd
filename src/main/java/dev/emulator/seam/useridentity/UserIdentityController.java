package dev.emulator.seam.useridentity;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code /user_identities/create}, {@code /get} and {@code /list}. Only list takes a
 * client session token: OAS lists plain client sessions for list alone (BEHAVIOUR 2.5).
 */
@RestController
class UserIdentityController {

	private final UserIdentityService service;

	UserIdentityController(UserIdentityService service) {
		this.service = service;
	}

	@RequestMapping("/user_identities/create")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	UserIdentityResponses.One create(AuthContext auth, UserIdentityParams.Create params) {
		return UserIdentityResponses.One.of(this.service.create(auth, params));
	}

	@RequestMapping("/user_identities/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	UserIdentityResponses.One get(AuthContext auth, UserIdentityParams.Get params) {
		return UserIdentityResponses.One.of(this.service.get(auth, params));
	}

	@RequestMapping("/user_identities/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	UserIdentityResponses.Many list(AuthContext auth, UserIdentityParams.ListFilter filter) {
		return UserIdentityResponses.Many.of(this.service.list(auth, filter));
	}

}
