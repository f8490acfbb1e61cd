package dev.emulator.seam.useridentity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.support.Secrets;
import dev.emulator.seam.support.Sql;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.Paging;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the {@code /user_identities/*} routes. Every lookup is scoped to the
 * caller's workspace: an identity of another workspace is reported exactly like a missing
 * one, 404 {@code user_identity_not_found}.
 */
@Service
class UserIdentityService {

	private final UserIdentityRepository identities;

	private final UserIdentityReads reads;

	private final ResourceScopes scopes;

	private final Clock clock;

	UserIdentityService(UserIdentityRepository identities, UserIdentityReads reads, ResourceScopes scopes,
			Clock clock) {
		this.identities = identities;
		this.reads = reads;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * Creates an identity. A {@code user_identity_key} is unique in its workspace: a
	 * second one is 400 {@code user_identity_key_already_exists} (Seam documents no
	 * answer; refusing keeps the key a reliable handle, as {@code /user_identities/get}
	 * looks identities up by it). The unique index on
	 * {@code (workspace_id, user_identity_key)} decides, so two racing creates cannot
	 * both win; the look-up first only spares the usual case a failed insert.
	 */
	@Transactional
	public UserIdentityView create(AuthContext auth, UserIdentityParams.Create params) {
		String id = Secrets.newId();
		// Seam's timestamps have millisecond precision (JavaScript dates).
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (params.userIdentityKey() != null && this.identities
			.existsByWorkspaceIdAndUserIdentityKey(auth.workspaceId(), params.userIdentityKey())) {
			throw keyTaken();
		}
		try {
			this.identities.saveAndFlush(UserIdentity.create(id, auth.workspaceId(), params, now));
		}
		catch (DataIntegrityViolationException ex) {
			if (Sql.isUniqueViolation(ex)) {
				throw keyTaken();
			}
			throw ex;
		}
		return UserIdentityView.of(id, params.userIdentityKey(), params.emailAddress(), params.phoneNumber(),
				params.displayName(), params.fullName(), now, auth.workspaceId());
	}

	/** By id, by key, or by both (then they must name the same identity). */
	@Transactional(readOnly = true)
	public UserIdentityView get(AuthContext auth, UserIdentityParams.Get params) {
		return this.reads.find(auth.workspaceId(), params.userIdentityId(), params.userIdentityKey())
			.orElseThrow(() -> ApiException.notFound(ErrorTypes.USER_IDENTITY_NOT_FOUND, "User identity not found"));
	}

	/** The workspace's identities, or a client session's own one only (BEHAVIOUR 4.7). */
	@Transactional(readOnly = true)
	public Paging.Page<UserIdentityView> list(AuthContext auth, UserIdentityParams.ListFilter filter) {
		ResourceScope scope = this.scopes.of(auth, null);
		String onlyId = scope.restricted() ? scope.userIdentityId() : null;
		// A client session with no identity sees none; and this server has no credential
		// managers, so filtering by one finds no identity.
		boolean nothing = (scope.restricted() && onlyId == null) || filter.credentialManagerAcsSystemId() != null;
		List<UserIdentityView> rows = nothing ? List.of() : this.reads.search(auth.workspaceId(), onlyId, filter);
		return filter.page().result(rows, UserIdentityView::createdAt, UserIdentityView::userIdentityId);
	}

	private static ApiException keyTaken() {
		return ApiException.badRequest(ErrorTypes.USER_IDENTITY_KEY_ALREADY_EXISTS,
				"A user identity with this user_identity_key already exists");
	}

}
