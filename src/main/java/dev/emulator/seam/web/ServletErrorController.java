package dev.emulator.seam.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel {@code /error}: whatever the servlet container
 * reports as an error (an exception that escaped a filter, a request Tomcat refused) is
 * answered in Seam's envelope and never with a stack trace.
 */
@RestController
class ServletErrorController implements ErrorController {

	private final ApiErrorWriter writer;

	ServletErrorController(ApiErrorWriter writer) {
		this.writer = writer;
	}

	@RequestMapping("/error")
	ResponseEntity<ApiErrorResponse> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return this.writer
			.toResponseEntity(ApiException.forContainerStatus((code instanceof Integer value) ? value : 500));
	}

}
