package dev.emulator.seam.useridentity;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import dev.emulator.seam.web.Paging;
import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/** The validated parameters of the {@code /user_identities/*} routes. */
final class UserIdentityParams {

	// The shape zod's .email() accepts, loosely: something@something.tld, no spaces.
	private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

	// OAS: "phone_number ... in E.164 format".
	private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{1,14}$");

	private UserIdentityParams() {
	}

	record Create(String userIdentityKey, String emailAddress, String phoneNumber,
			String fullName) implements RouteParams {

		static Create from(SeamParams params) {
			String key = params.nonEmptyString("user_identity_key");
			String email = params.string("email_address");
			if (email != null && !EMAIL.matcher(email).matches()) {
				params.addError("email_address", "Invalid email");
			}
			String phone = params.string("phone_number");
			if (phone != null && !E164.matcher(phone).matches()) {
				params.addError("phone_number", "Phone number must be in E.164 format");
			}
			String fullName = params.nonEmptyString("full_name");
			// Accepted for compatibility; this server has no access systems to create
			// users in.
			params.stringList("acs_system_ids");
			return new Create(key, email, phone, fullName);
		}

		/**
		 * Seam's fake: full_name ?? email_address ?? user_identity_key ?? a placeholder
		 * (store.ts).
		 */
		String displayName() {
			if (this.fullName != null) {
				return this.fullName;
			}
			if (this.emailAddress != null) {
				return this.emailAddress;
			}
			return (this.userIdentityKey != null) ? this.userIdentityKey : "User Identity";
		}

	}

	/**
	 * OAS models get's body as a oneOf: {@code user_identity_id} or
	 * {@code user_identity_key}.
	 */
	record Get(String userIdentityId, String userIdentityKey) implements RouteParams {

		static Get from(SeamParams params) {
			String id = params.nonEmptyString("user_identity_id");
			String key = params.nonEmptyString("user_identity_key");
			if (id == null && key == null && !params.isPresent("user_identity_id")
					&& !params.isPresent("user_identity_key")) {
				params.addFormError("Must specify either user_identity_id or user_identity_key");
			}
			return new Get(id, key);
		}

	}

	record ListFilter(List<String> userIdentityIds, String search, Instant createdBefore,
			String credentialManagerAcsSystemId, Paging.Request page) implements RouteParams {

		static ListFilter from(SeamParams params) {
			List<String> ids = params.stringList("user_identity_ids");
			String search = params.string("search");
			if (search != null && search.isEmpty()) {
				search = null;
			}
			Instant createdBefore = params.instant("created_before");
			String acsSystemId = params.nonEmptyString("credential_manager_acs_system_id");
			Paging.Request page = Paging.read(params, ids, search, createdBefore, acsSystemId);
			return new ListFilter(ids, search, createdBefore, acsSystemId, page);
		}

	}

}
