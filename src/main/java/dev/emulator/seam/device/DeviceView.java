package dev.emulator.seam.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import tools.jackson.databind.JsonNode;

/**
 * The public {@code device} object (BEHAVIOUR 6.6): every member OAS requires is always
 * present, {@code nickname} only when set, and the optional top-level members stored per
 * device ({@code can_remotely_lock}, ...) flattened beside them.
 *
 * @param properties the stored jsonb object, written out as it is rather than parsed and
 * serialised again on every request (see BENCHMARKS.md)
 * @param customMetadata the stored jsonb object, written out as it is
 */
public record DeviceView(String deviceId, String deviceType, String displayName,
		@JsonInclude(JsonInclude.Include.NON_NULL) String nickname, String connectedAccountId, String workspaceId,
		Instant createdAt, boolean isManaged, List<String> capabilitiesSupported, @JsonRawValue String properties,
		List<Object> errors, List<Object> warnings, @JsonRawValue String customMetadata, List<String> spaceIds,
		@JsonAnyGetter Map<String, JsonNode> attributes) {

}
