package dev.emulator.seam.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The only controller advice: every failure inside Spring MVC ends here as Seam's error
 * envelope. Unexpected exceptions are logged with their stack trace and answered with a
 * bare 500; nothing of them reaches the client.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final ApiErrorWriter writer;

	ApiExceptionHandler(ApiErrorWriter writer) {
		this.writer = writer;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiErrorResponse> handleApiException(ApiException ex) {
		return this.writer.toResponseEntity(ex);
	}

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	ResponseEntity<ApiErrorResponse> handleNoRoute(Exception ex) {
		return this.writer.toResponseEntity(ApiException.routeNotFound());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiErrorResponse> handleMethodNotSupported(HttpRequestMethodNotSupportedException ex) {
		String allowed = (ex.getSupportedMethods() != null) ? String.join(",", ex.getSupportedMethods()) : "";
		return this.writer.toResponseEntity(ApiException.methodNotAllowed(allowed));
	}

	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ApiErrorResponse> handleRequestRejected(RequestRejectedException ex) {
		return this.writer.toResponseEntity(ApiException.requestRejected());
	}

	/**
	 * The client went away while its answer was being written (a browser leaving a page
	 * whose images are still loading): there is no one left to answer, and nothing went
	 * wrong here, so nothing is written and nothing is logged above debug.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void handleClientGone(AsyncRequestNotUsableException ex) {
		log.debug("Client went away before its answer was written: {}", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiErrorResponse> handleUnexpected(Exception ex) {
		if (DatabaseUnavailable.isCause(ex)) {
			log.warn("Database unreachable: {}", ex.getMessage());
			return this.writer.toResponseEntity(DatabaseUnavailable.error());
		}
		log.error("Unexpected error while handling request", ex);
		return this.writer.toResponseEntity(ApiException.internalServerError());
	}

}
