package dev.emulator.seam.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Seam's error envelope: {@code {"error": {"type", "message", "validation_errors"?},
 * "ok": false}}.
 */
public record ApiErrorResponse(ApiError error, boolean ok) {

	public static ApiErrorResponse of(ApiException ex) {
		return new ApiErrorResponse(new ApiError(ex.getType(), ex.getMessage(), ex.getValidationErrors()), false);
	}

	public record ApiError(String type, String message,
			@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> validationErrors) {
	}

}
