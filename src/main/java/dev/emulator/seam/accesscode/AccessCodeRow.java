package dev.emulator.seam.accesscode;

import java.time.Instant;
import java.util.List;

/**
 * A stored access code with its device's connected account (which decides who sees it).
 */
record AccessCodeRow(String accessCodeId, String workspaceId, String deviceId, String connectedAccountId, String name,
		String code, String type, String status, Instant startsAt, Instant endsAt, String commonCodeKey,
		boolean isOneTimeUse, boolean isExternalModificationAllowed, boolean isOfflineAccessCode, Instant createdAt) {

	/**
	 * As Seam shows it at {@code now}: a time-bound code that is set is {@code unset}
	 * outside its time frame (the device holds it only from {@code starts_at} to
	 * {@code ends_at}).
	 */
	AccessCodeView view(Instant now) {
		String shown = this.status;
		if ("set".equals(this.status) && "time_bound".equals(this.type)
				&& (now.isBefore(this.startsAt) || !now.isBefore(this.endsAt))) {
			shown = "unset";
		}
		return new AccessCodeView(this.accessCodeId, this.workspaceId, this.deviceId, this.name, this.code, this.type,
				shown, this.startsAt, this.endsAt, this.commonCodeKey, this.createdAt, true, this.isOneTimeUse,
				this.isExternalModificationAllowed, this.isOfflineAccessCode, false, List.of(), List.of(), List.of(),
				this.connectedAccountId);
	}

}
