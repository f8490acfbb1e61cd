package dev.emulator.seam.web;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place an error becomes a response, used by the authentication filter (before
 * Spring MVC) and by {@link ApiExceptionHandler} (inside it), so both produce the same
 * bytes. Being the one place, it also counts authentication failures: every 401
 * increments {@code seam.auth.failures} ({@code seam_auth_failures_total} in Prometheus)
 * tagged with the error {@code type}.
 */
@Component
public class ApiErrorWriter {

	static final String AUTH_FAILURES = "seam.auth.failures";

	private final JsonMapper jsonMapper;

	private final ObjectProvider<MeterRegistry> meterRegistry;

	ApiErrorWriter(JsonMapper jsonMapper, ObjectProvider<MeterRegistry> meterRegistry) {
		this.jsonMapper = jsonMapper;
		this.meterRegistry = meterRegistry;
	}

	public void write(HttpServletResponse response, ApiException ex) throws IOException {
		count(ex);
		response.setStatus(ex.getStatus().value());
		response.setContentType("application/json; charset=utf-8");
		this.jsonMapper.writeValue(response.getOutputStream(), ApiErrorResponse.of(ex));
	}

	/**
	 * The envelope as JSON text, for writers outside the servlet API (Tomcat's error
	 * report valve).
	 */
	String render(ApiException ex) {
		return this.jsonMapper.writeValueAsString(ApiErrorResponse.of(ex));
	}

	public ResponseEntity<ApiErrorResponse> toResponseEntity(ApiException ex) {
		count(ex);
		return ResponseEntity.status(ex.getStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiErrorResponse.of(ex));
	}

	private void count(ApiException ex) {
		if (ex.getStatus() != HttpStatus.UNAUTHORIZED) {
			return;
		}
		MeterRegistry registry = this.meterRegistry.getIfAvailable();
		if (registry != null) {
			Counter.builder(AUTH_FAILURES)
				.description("Requests refused with 401, by Seam error type")
				.tag("type", ex.getType())
				.register(registry)
				.increment();
		}
	}

}
