package dev.emulator.seam.accesscode;

import java.util.List;

import dev.emulator.seam.actionattempt.ActionAttemptView;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.web.SeamRoute;

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
	Created create(AuthContext auth, SeamParams params) {
		AccessCodeService.Created created = this.service.create(auth, AccessCodeParams.Create.from(params));
		return new Created(created.accessCode(), created.actionAttempt(), true);
	}

	@RequestMapping("/access_codes/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Many list(AuthContext auth, SeamParams params) {
		AccessCodeParams.ListFilter filter = AccessCodeParams.ListFilter.from(params);
		Paging.Request page = Paging.read(params, filter.fingerprint());
		params.throwIfInvalid();
		Paging.Page<AccessCodeView> result = this.service.list(auth, filter, page);
		return new Many(result.items(), result.pagination(), true);
	}

	@RequestMapping("/access_codes/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth, SeamParams params) {
		String accessCodeId = params.nonEmptyString("access_code_id");
		String deviceId = params.nonEmptyString("device_id");
		String code = params.nonEmptyString("code");
		// Seam's fake words these rules so (access_codes/get.ts).
		if (accessCodeId == null) {
			if (code == null && deviceId == null) {
				params.addFormError("Either \"access_code_id\" OR \"code\" and \"device_id\" must be provided");
			}
			else if (code == null || deviceId == null) {
				params.addFormError("Both \"device_id\" and \"code\" must be provided if one is");
			}
		}
		else if (code != null) {
			params.addFormError("Both \"access_code_id\" and \"code\" can not be provided");
		}
		params.throwIfInvalid();
		return new One(this.service.get(auth, accessCodeId, deviceId, code), true);
	}

	@RequestMapping("/access_codes/update")
	@SeamRoute(methods = { PUT, POST, PATCH }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted update(AuthContext auth, SeamParams params) {
		return new Acted(this.service.update(auth, AccessCodeParams.Update.from(params)), true);
	}

	@RequestMapping("/access_codes/delete")
	@SeamRoute(methods = { DELETE, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Acted delete(AuthContext auth, SeamParams params) {
		String accessCodeId = params.requiredString("access_code_id");
		String deviceId = params.nonEmptyString("device_id");
		Boolean sync = params.bool("sync");
		params.throwIfInvalid();
		return new Acted(this.service.delete(auth, accessCodeId, deviceId, Boolean.TRUE.equals(sync)), true);
	}

	@RequestMapping("/access_codes/generate_code")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Generated generateCode(AuthContext auth, SeamParams params) {
		String deviceId = params.requiredString("device_id");
		params.throwIfInvalid();
		return new Generated(this.service.generateCode(auth, deviceId), true);
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
