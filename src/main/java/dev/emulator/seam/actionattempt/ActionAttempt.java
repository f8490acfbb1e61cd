package dev.emulator.seam.actionattempt;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.emulator.seam.support.AssignedIdEntity;

/**
 * An action attempt, as written; reads for the routes go through
 * {@link ActionAttemptReads}. JSON members are kept as the JSON text they are stored as.
 */
@Entity
@Table(name = "action_attempts")
class ActionAttempt extends AssignedIdEntity {

	static final String PENDING = "pending";

	@Id
	@Column(name = "action_attempt_id")
	private String id;

	private String workspaceId;

	private String actionType;

	private String status;

	private String deviceId;

	private String connectedAccountId;

	@JdbcTypeCode(SqlTypes.JSON)
	private String params;

	@JdbcTypeCode(SqlTypes.JSON)
	private String result;

	@JdbcTypeCode(SqlTypes.JSON)
	private String error;

	private Instant createdAt;

	// Null while the attempt is held (BEHAVIOUR 7.5): then it is never due.
	private Instant completesAt;

	private Instant completedAt;

	private Instant carriedOutAt;

	protected ActionAttempt() {
	}

	/** A pending attempt, carried out once {@code completesAt} has passed. */
	static ActionAttempt start(String id, String workspaceId, String actionType, String deviceId,
			String connectedAccountId, String paramsJson, Instant createdAt, Instant completesAt) {
		ActionAttempt attempt = new ActionAttempt();
		attempt.id = id;
		attempt.workspaceId = workspaceId;
		attempt.actionType = actionType;
		attempt.status = PENDING;
		attempt.deviceId = deviceId;
		attempt.connectedAccountId = connectedAccountId;
		attempt.params = paramsJson;
		attempt.createdAt = createdAt;
		attempt.completesAt = completesAt;
		return attempt;
	}

	/**
	 * Ends a pending attempt whose change was just made (or refused) with {@code success}
	 * and its result, or {@code error} and Seam's {@code {type, message}}; an ended
	 * attempt stays as it ended.
	 */
	void finish(boolean success, String resultJson, String errorJson, Instant completedAt) {
		if (!PENDING.equals(this.status)) {
			return;
		}
		this.carriedOutAt = completedAt;
		settle(success, resultJson, errorJson, completedAt);
	}

	/**
	 * Ends the attempt as {@code /_fake/update_action_attempt} tells it, whatever its
	 * state (BEHAVIOUR 7.5). Whether its change was made is recorded apart
	 * ({@link #markCarriedOut}).
	 */
	void settle(boolean success, String resultJson, String errorJson, Instant completedAt) {
		this.status = success ? "success" : "error";
		this.result = resultJson;
		this.error = errorJson;
		this.completedAt = completedAt;
	}

	/**
	 * Makes the attempt pending until told otherwise (BEHAVIOUR 7.5): it is never due, so
	 * neither a read nor the poller carries it out. An ended attempt is reopened; a
	 * change it made stays made.
	 */
	void hold() {
		this.status = PENDING;
		this.result = null;
		this.error = null;
		this.completedAt = null;
		this.completesAt = null;
	}

	/** Whether the change the attempt asks for has been made (or refused) already. */
	boolean isCarriedOut() {
		return this.carriedOutAt != null;
	}

	void markCarriedOut(Instant carriedOutAt) {
		this.carriedOutAt = carriedOutAt;
	}

	@Override
	public String getId() {
		return this.id;
	}

	String getWorkspaceId() {
		return this.workspaceId;
	}

	String getActionType() {
		return this.actionType;
	}

	String getDeviceId() {
		return this.deviceId;
	}

	String getConnectedAccountId() {
		return this.connectedAccountId;
	}

	String getParams() {
		return this.params;
	}

	String getResult() {
		return this.result;
	}

}
