package dev.emulator.seam.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place an error becomes a response, used by the authentication filter (before Spring MVC) and by
 * {@link ApiExceptionHandler} (inside it), so both produce the same bytes.
 */
@Component
public class ApiErrorWriter {

	private final JsonMapper jsonMapper;

	ApiErrorWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public void write(HttpServletResponse response, ApiException ex) throws IOException {
		response.setStatus(ex.getStatus().value());
		response.setContentType("application/json; charset=utf-8");
		this.jsonMapper.writeValue(response.getOutputStream(), ApiErrorResponse.of(ex));
	}

	/** The envelope as JSON text, for writers outside the servlet API (Tomcat's error report valve). */
	String render(ApiException ex) {
		return this.jsonMapper.writeValueAsString(ApiErrorResponse.of(ex));
	}

	public ResponseEntity<ApiErrorResponse> toResponseEntity(ApiException ex) {
		return ResponseEntity.status(ex.getStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiErrorResponse.of(ex));
	}

}
