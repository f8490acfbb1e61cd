package dev.emulator.seam.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The one exception a request ends with when it fails on purpose. It carries exactly what goes into Seam's error
 * envelope; {@link ApiErrorWriter} renders it, whether it was thrown in a filter or in a controller.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final Map<String, Object> validationErrors;

	public ApiException(HttpStatus status, String type, String message) {
		this(status, type, message, null);
	}

	public ApiException(HttpStatus status, String type, String message, Map<String, Object> validationErrors) {
		super(message, null, false, false);
		if (status == null || type == null || message == null) {
			throw new IllegalArgumentException("status, type and message cannot be null");
		}
		this.status = status;
		this.type = type;
		this.validationErrors = validationErrors;
	}

	public static ApiException badRequest(String type, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, type, message);
	}

	public static ApiException unauthorized(String type, String message) {
		return new ApiException(HttpStatus.UNAUTHORIZED, type, message);
	}

	public static ApiException forbidden(String type, String message) {
		return new ApiException(HttpStatus.FORBIDDEN, type, message);
	}

	public static ApiException notFound(String type, String message) {
		return new ApiException(HttpStatus.NOT_FOUND, type, message);
	}

	/**
	 * 400 {@code invalid_input}. Without a per-parameter tree the message becomes the form-level error, so that
	 * {@code validation_errors} is always there for the SDK's {@code SeamHttpInvalidInputError}.
	 */
	public static ApiException invalidInput(String message, Map<String, Object> validationErrors) {
		Map<String, Object> errors = (validationErrors != null) ? validationErrors
				: Map.of("_errors", java.util.List.of(message));
		return new ApiException(HttpStatus.BAD_REQUEST, ErrorTypes.INVALID_INPUT, message, errors);
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getType() {
		return this.type;
	}

	public Map<String, Object> getValidationErrors() {
		return this.validationErrors;
	}

}
