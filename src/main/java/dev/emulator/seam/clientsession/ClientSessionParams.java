package dev.emulator.seam.clientsession;

import java.time.Instant;
import java.util.List;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * The validated parameters of each client session route (BEHAVIOUR 3.6 to 3.13). Each
 * {@code from} reads what its route takes, ignores anything else (Seam ignores unknown
 * parameters) and raises 400 {@code invalid_input} for anything wrong.
 */
final class ClientSessionParams {

	private ClientSessionParams() {
	}

	/**
	 * create (BEHAVIOUR 3.6) and get_or_create (BEHAVIOUR 3.9); the latter has no
	 * customer fields.
	 */
	record Create(String userIdentifierKey, List<String> connectedAccountIds, List<String> connectWebviewIds,
			String userIdentityId, Instant expiresAt, String customerKey, String customerId) implements RouteParams {

		static Create from(SeamParams params) {
			return read(params, true);
		}

		private static Create read(SeamParams params, boolean withCustomer) {
			String key = params.nonEmptyString("user_identifier_key");
			List<String> accounts = params.stringList("connected_account_ids");
			List<String> webviews = params.stringList("connect_webview_ids");
			String identity = userIdentity(params);
			Instant expiresAt = params.instant("expires_at");
			String customerKey = withCustomer ? params.nonEmptyString("customer_key") : null;
			String customerId = withCustomer ? params.string("customer_id") : null;
			return new Create(key, accounts, webviews, identity, expiresAt, customerKey, customerId);
		}

		Create withUserIdentifierKey(String key) {
			return new Create(key, this.connectedAccountIds, this.connectWebviewIds, this.userIdentityId,
					this.expiresAt, this.customerKey, this.customerId);
		}

		/** Whether get_or_create would change an existing session (BEHAVIOUR 3.9). */
		boolean updatesAnything() {
			return this.connectedAccountIds != null || this.connectWebviewIds != null || this.userIdentityId != null
					|| this.expiresAt != null;
		}

		/**
		 * Whether the caller asked for anything a publishable key may not grant
		 * (BEHAVIOUR 3.7).
		 */
		boolean grantsAnything() {
			return this.connectedAccountIds != null || this.connectWebviewIds != null || this.userIdentityId != null
					|| this.customerKey != null || this.customerId != null;
		}

	}

	/** get_or_create's parameters: create's, without the customer fields. */
	record GetOrCreate(Create create) implements RouteParams {

		static GetOrCreate from(SeamParams params) {
			return new GetOrCreate(Create.read(params, false));
		}

	}

	record Get(String clientSessionId, String userIdentifierKey) implements RouteParams {

		static Get from(SeamParams params) {
			String id = params.string("client_session_id");
			String key = params.string("user_identifier_key");
			return new Get(id, key);
		}

	}

	record ListFilter(String clientSessionId, String userIdentifierKey, String connectWebviewId, String userIdentityId,
			boolean withoutUserIdentifierKey) implements RouteParams {

		static ListFilter from(SeamParams params) {
			String id = params.string("client_session_id");
			String key = params.string("user_identifier_key");
			String webview = params.string("connect_webview_id");
			String identity = params.string("user_identity_id");
			Boolean without = params.bool("without_user_identifier_key");
			return new ListFilter(id, key, webview, identity, Boolean.TRUE.equals(without));
		}

	}

	record GrantAccess(String clientSessionId, String userIdentifierKey, List<String> connectedAccountIds,
			List<String> connectWebviewIds, String userIdentityId) implements RouteParams {

		static GrantAccess from(SeamParams params) {
			String id = params.nonEmptyString("client_session_id");
			String key = params.nonEmptyString("user_identifier_key");
			List<String> accounts = params.stringList("connected_account_ids");
			List<String> webviews = params.stringList("connect_webview_ids");
			String identity = userIdentity(params);
			if (!params.isPresent("client_session_id") && !params.isPresent("user_identifier_key")) {
				params.addFormError("Either client_session_id or user_identifier_key is required");
			}
			return new GrantAccess(id, key, accounts, webviews, identity);
		}

	}

	/**
	 * revoke (BEHAVIOUR 3.12) and delete (BEHAVIOUR 3.13): a required
	 * {@code client_session_id}.
	 */
	record ById(String clientSessionId) implements RouteParams {

		static ById from(SeamParams params) {
			String id = params.requiredString("client_session_id");
			return new ById(id);
		}

	}

	/**
	 * {@code user_identity_id}, or its deprecated one-element array form
	 * {@code user_identity_ids}; both given must agree.
	 */
	private static String userIdentity(SeamParams params) {
		String single = params.nonEmptyString("user_identity_id");
		List<String> list = params.stringList("user_identity_ids");
		if (list == null) {
			return single;
		}
		if (list.isEmpty()) {
			params.addError("user_identity_ids", "Array must contain at least 1 element(s)");
			return null;
		}
		if (list.size() > 1) {
			params.addError("user_identity_ids", "Array must contain at most 1 element(s)");
			return null;
		}
		if (single != null && !single.equals(list.get(0))) {
			params.addError("user_identity_ids", "user_identity_ids must match user_identity_id");
			return null;
		}
		return list.get(0);
	}

}
