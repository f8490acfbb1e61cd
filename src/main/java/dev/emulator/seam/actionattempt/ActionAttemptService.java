package dev.emulator.seam.actionattempt;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ResourceScope;
import dev.emulator.seam.auth.ResourceScopes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.Paging;

import org.springframework.stereotype.Service;

/**
 * The rules of the action attempt routes: an attempt of another workspace is reported
 * like a missing one (404 {@code action_attempt_not_found}); one about a device the
 * caller's client session does not own is refused as {@code /devices/get} refuses that
 * device (401 {@code unauthorized}). A due attempt is carried out before it is read, so a
 * reader never sees it pending past its delay.
 */
@Service
class ActionAttemptService {

	private final ActionAttemptReads reads;

	private final ActionAttempts attempts;

	private final ResourceScopes scopes;

	ActionAttemptService(ActionAttemptReads reads, ActionAttempts attempts, ResourceScopes scopes) {
		this.reads = reads;
		this.attempts = attempts;
		this.scopes = scopes;
	}

	ActionAttemptView get(AuthContext auth, String actionAttemptId) {
		this.attempts.completeDue(auth.workspaceId(), Set.of(actionAttemptId));
		ActionAttemptView attempt = this.reads.find(auth.workspaceId(), actionAttemptId)
			.orElseThrow(() -> ApiException.notFound("action_attempt_not_found", "Action attempt not found"));
		ResourceScope scope = this.scopes.of(auth, null);
		if (scope.restricted() && (attempt.connectedAccountId() == null
				|| !scope.canSeeConnectedAccount(attempt.connectedAccountId()))) {
			throw ApiException.unauthorized("unauthorized", "Not authorized to view this action attempt");
		}
		return attempt;
	}

	/**
	 * One page of the workspace's attempts (this route takes no client session), oldest
	 * first.
	 */
	Paging.Page<ActionAttemptView> list(AuthContext auth, List<String> ids, String deviceId, Paging.Request page) {
		List<ActionAttemptView> rows = this.reads.search(auth.workspaceId(), ids, deviceId, page);
		Set<String> pending = new LinkedHashSet<>();
		rows.stream()
			.filter((row) -> "pending".equals(row.status()))
			.forEach((row) -> pending.add(row.actionAttemptId()));
		if (!pending.isEmpty()) {
			this.attempts.completeDue(auth.workspaceId(), pending);
			rows = this.reads.search(auth.workspaceId(), ids, deviceId, page);
		}
		return page.result(rows, ActionAttemptView::createdAt, ActionAttemptView::actionAttemptId);
	}

}
