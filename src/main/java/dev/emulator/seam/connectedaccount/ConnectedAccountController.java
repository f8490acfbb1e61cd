package dev.emulator.seam.connectedaccount;

import java.util.List;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.web.OkResponse;
import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.emulator.seam.auth.AuthMethod.API_KEY;
import static dev.emulator.seam.auth.AuthMethod.CLIENT_SESSION;
import static dev.emulator.seam.auth.AuthMethod.PERSONAL_ACCESS_TOKEN;
import static org.springframework.web.bind.annotation.RequestMethod.DELETE;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code /connected_accounts/list}, {@code /get} and {@code /delete}. Credentials as in
 * BEHAVIOUR 2.5; a client session may also list (BEHAVIOUR 4.4: Seam's fake allows it and
 * it shows nothing the session does not own).
 */
@RestController
class ConnectedAccountController {

	private final ConnectedAccountService service;

	ConnectedAccountController(ConnectedAccountService service) {
		this.service = service;
	}

	@RequestMapping("/connected_accounts/list")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	Many list(AuthContext auth, ListParams params) {
		Paging.Page<ConnectedAccountView> result = this.service.list(auth, params.userIdentifierKey(),
				params.customerKey(), params.page());
		return new Many(result.items(), result.pagination(), true);
	}

	@RequestMapping("/connected_accounts/get")
	@SeamRoute(methods = { GET, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN, CLIENT_SESSION })
	One get(AuthContext auth, GetParams params) {
		// OAS models the two as a oneOf and Seam's fake tries connected_account_id first.
		ConnectedAccountView account = (params.connectedAccountId() != null)
				? this.service.getById(auth, params.connectedAccountId())
				: this.service.getByEmail(auth, params.email());
		return new One(account, true);
	}

	@RequestMapping("/connected_accounts/delete")
	@SeamRoute(methods = { DELETE, POST }, auth = { API_KEY, PERSONAL_ACCESS_TOKEN })
	OkResponse delete(AuthContext auth, DeleteParams params) {
		this.service.delete(auth, params.connectedAccountId());
		return OkResponse.OK;
	}

	record ListParams(String userIdentifierKey, String customerKey, Paging.Request page) implements RouteParams {

		static ListParams from(SeamParams params) {
			String userIdentifierKey = params.string("user_identifier_key");
			String customerKey = params.string("customer_key");
			return new ListParams(userIdentifierKey, customerKey, Paging.read(params, userIdentifierKey, customerKey));
		}

	}

	record GetParams(String connectedAccountId, String email) implements RouteParams {

		static GetParams from(SeamParams params) {
			String connectedAccountId = params.nonEmptyString("connected_account_id");
			String email = params.nonEmptyString("email");
			if (!params.isPresent("connected_account_id") && !params.isPresent("email")) {
				params.addFormError("Either 'connected_account_id' or 'email' is required");
			}
			else if (email != null && connectedAccountId == null && !email.contains("@")) {
				params.addError("email", "Invalid email");
			}
			return new GetParams(connectedAccountId, email);
		}

	}

	record DeleteParams(String connectedAccountId) implements RouteParams {

		static DeleteParams from(SeamParams params) {
			String connectedAccountId = params.requiredString("connected_account_id");
			// Seam takes sync (wait for the provider); deletion here is always
			// synchronous.
			params.bool("sync");
			return new DeleteParams(connectedAccountId);
		}

	}

	record One(ConnectedAccountView connectedAccount, boolean ok) {
	}

	record Many(List<ConnectedAccountView> connectedAccounts, Paging.Pagination pagination, boolean ok) {
	}

}
