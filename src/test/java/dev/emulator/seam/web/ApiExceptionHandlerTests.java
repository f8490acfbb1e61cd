package dev.emulator.seam.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the controller advice does with a client that went away: a browser leaving a page
 * while device pictures load closes their connections, which is no error of the server.
 * Without Spring's context or a database.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTests {

	@Test
	void handleWhenClientWentAwayThenNothingWrittenAndNoErrorLogged(CapturedOutput output) throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new GoneController())
			.setControllerAdvice(new ApiExceptionHandler(null))
			.build();

		MockHttpServletResponse response = mvc.perform(get("/gone")).andReturn().getResponse();

		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(output.getAll()).doesNotContain("Unexpected error").doesNotContain("ERROR");
	}

	@RestController
	static class GoneController {

		@GetMapping("/gone")
		String gone() throws AsyncRequestNotUsableException {
			throw new AsyncRequestNotUsableException("ServletResponse failed to flushBuffer: Broken pipe");
		}

	}

}
