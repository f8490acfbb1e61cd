package dev.emulator.seam.useridentity;

import java.util.List;

import dev.emulator.seam.web.Paging;

/** Success bodies of the user identity routes. */
final class UserIdentityResponses {

	private UserIdentityResponses() {
	}

	record One(UserIdentityView userIdentity, boolean ok) {

		static One of(UserIdentityView view) {
			return new One(view, true);
		}

	}

	record Many(List<UserIdentityView> userIdentities, Paging.Pagination pagination, boolean ok) {

		static Many of(Paging.Page<UserIdentityView> page) {
			return new Many(page.items(), page.pagination(), true);
		}

	}

}
