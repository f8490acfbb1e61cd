package dev.emulator.seam.accesscode;

import java.util.List;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.DELETE;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.PATCH;
import static org.springframework.web.bind.annotation.RequestMethod.POST;
import static org.springframework.web.bind.annotation.RequestMethod.PUT;

/** {@code /access_codes/*}; methods and credentials as in Seam's OpenAPI. */
@RestController
class AccessCodeController {

	private final AccessCodeService service;

	AccessCodeController(AccessCodeService service) {
		this.service = service;
	}

	@RequestMapping("/access_codes/create")
	@SeamRoute(methods = POST, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Created create(AuthContext auth, AccessCodeParams.Create params) {
		AccessCodeService.Created created = this.service.create(auth, params);
		return new Created(created.accessCode(), created.actionAttempt(), true);
	}

	@RequestMapping("/access_codes/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Many list(AuthContext auth, AccessCodeParams.ListRequest params) {
		Paging.Page<AccessCodeView> result = this.service.list(auth, params.filter(), params.page());
		return new Many(result.items(), result.pagination(), true);
	}

	@RequestMapping("/access_codes/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth, AccessCodeParams.Get params) {
		return new One(this.service.get(auth, params.accessCodeId(), params.deviceId(), params.code()), true);
	}

	@RequestMapping("/access_codes/update")
	@SeamRoute(methods = { PUT, POST, PATCH }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted update(AuthContext auth, AccessCodeParams.Update params) {
		return new Acted(this.service.update(auth, params), true);
	}

	@RequestMapping("/access_codes/delete")
	@SeamRoute(methods = { DELETE, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted delete(AuthContext auth, AccessCodeParams.Delete params) {
		return new Acted(this.service.delete(auth, params.accessCodeId(), params.deviceId(), params.sync()), true);
	}

	@RequestMapping("/access_codes/generate_code")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Generated generateCode(AuthContext auth, AccessCodeParams.GenerateCode params) {
		return new Generated(this.service.generateCode(auth, params.deviceId()), true);
	}

	record Created(AccessCodeView accessCode, ActionAttemptView actionAttempt, boolean ok) {
	}

	record One(AccessCodeView accessCode, boolean ok) {
	}

	record Many(List<AccessCodeView> accessCodes, Paging.Pagination pagination, boolean ok) {
	}

	record Acted(ActionAttemptView actionAttempt, boolean ok) {
	}

	record Generated(AccessCodeView generatedCode, boolean ok) {
	}

}
