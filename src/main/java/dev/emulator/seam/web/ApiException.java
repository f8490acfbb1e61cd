package dev.emulator.seam.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The one exception a request ends with when it fails on purpose. It carries exactly what
 * goes into Seam's error envelope; {@link ApiErrorWriter} renders it, whether it was
 * thrown in a filter or in a controller.
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
	 * 400 {@code invalid_input}. Without a per-parameter tree the message becomes the
	 * form-level error, so that {@code validation_errors} is always there for the SDK's
	 * {@code SeamHttpInvalidInputError}.
	 */
	public static ApiException invalidInput(String message, Map<String, Object> validationErrors) {
		Map<String, Object> errors = (validationErrors != null) ? validationErrors
				: Map.of("_errors", java.util.List.of(message));
		return new ApiException(HttpStatus.BAD_REQUEST, ErrorTypes.INVALID_INPUT, message, errors);
	}

	public static ApiException routeNotFound() {
		return notFound(ErrorTypes.NOT_FOUND, "Route not found");
	}

	public static ApiException methodNotAllowed(String allowed) {
		return new ApiException(HttpStatus.METHOD_NOT_ALLOWED, ErrorTypes.METHOD_NOT_ALLOWED,
				"only " + allowed + " accepted");
	}

	/**
	 * The firewall's reason is not echoed: it can quote a header value, which may be a
	 * credential.
	 */
	static ApiException requestRejected() {
		return invalidInput(
				"The request was rejected: its path or headers contain characters this server does not accept", null);
	}

	static ApiException internalServerError() {
		return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, ErrorTypes.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred");
	}

	static ApiException payloadTooLarge() {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, ErrorTypes.PAYLOAD_TOO_LARGE,
				"Request body is too large");
	}

	/**
	 * The one mapping from a status the servlet container set on its own (Tomcat refusing
	 * a request before any filter, an error forwarded to {@code /error}) to Seam's
	 * envelope. A 400 is always the request's own form, whatever the detail; so is
	 * Tomcat's 501, which it answers for a transfer coding other than {@code chunked} or
	 * for {@code CONNECT}: the request asked for something no route serves (BEHAVIOUR
	 * 8.3). Any other 5xx or unknown status is a bare 500.
	 */
	static ApiException forContainerStatus(int code) {
		if (code == HttpStatus.NOT_IMPLEMENTED.value()) {
			return invalidInput("The request's transfer coding or method is not supported", null);
		}
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null || status.is5xxServerError()) {
			return internalServerError();
		}
		return switch (status) {
			case NOT_FOUND -> routeNotFound();
			case BAD_REQUEST -> invalidInput("The request line, query string, headers or body are malformed", null);
			case CONTENT_TOO_LARGE -> payloadTooLarge();
			default -> new ApiException(status, status.getReasonPhrase().toLowerCase().replace(' ', '_'),
					status.getReasonPhrase());
		};
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
