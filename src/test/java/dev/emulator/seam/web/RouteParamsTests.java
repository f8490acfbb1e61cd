package dev.emulator.seam.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.EmulatorProperties;
import dev.emulator.seam.support.TestProperties;

import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Reading parameters (BEHAVIOUR 1.5 to 1.8) the one way routes get them: the real reader
 * and resolver over a mock request, no Spring context.
 */
class RouteParamsTests {

	static final EmulatorProperties DEFAULTS = TestProperties.emulator(Map.of());

	private final SeamParamsReader reader = new SeamParamsReader(DEFAULTS);

	private final RouteParamsArgumentResolver resolver = new RouteParamsArgumentResolver(this.reader);

	/** A route's parameters: a required id, an optional limit, and a page. */
	record Sample(String id, Integer limit, Paging.Request page) implements RouteParams {

		static Sample from(SeamParams params) {
			String id = params.requiredString("id");
			Integer limit = params.integer("limit");
			return new Sample(id, limit, Paging.read(params, id));
		}

	}

	record WithoutFrom(String id) implements RouteParams {
	}

	void handler(Sample sample, WithoutFrom withoutFrom) {
	}

	@Test
	void resolveWhenBodyValidThenRecord() throws Exception {
		Sample sample = resolve(post("{\"id\":\"a\",\"limit\":3}"));
		assertThat(sample.id()).isEqualTo("a");
		assertThat(sample.limit()).isEqualTo(3);
		assertThat(sample.page().limit()).isEqualTo(3);
	}

	@Test
	void resolveWhenGetThenQueryStringIsRead() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sample");
		request.setQueryString("id=b&limit=7&_strict=true");
		Sample sample = resolve(request);
		assertThat(sample.id()).isEqualTo("b");
		assertThat(sample.limit()).isEqualTo(7);
	}

	@Test
	void resolveWhenSeveralParametersWrongThenOneInvalidInputNamingTheFirst() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> resolve(post("{\"limit\":\"3\"}")))
			.satisfies((ex) -> {
				assertThat(ex.getType()).isEqualTo(ErrorTypes.INVALID_INPUT);
				assertThat(ex.getMessage()).isEqualTo("id is required");
				assertThat(ex.getValidationErrors()).containsKeys("id", "limit");
			});
	}

	@Test
	void resolveWhenNumberGivenForStringThenNotCoerced() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> resolve(post("{\"id\":123}")))
			.withMessage("Expected string, received number for \"id\"");
	}

	@Test
	void resolveWhenCursorIssuedForOtherFiltersAndFiltersValidThenMismatch() throws Exception {
		Paging.Request issued = Paging.read(this.reader.read(post("{\"id\":\"x\"}")), "x");
		String token = encodeCursor(issued.fingerprint());
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> resolve(post("{\"id\":\"a\",\"page_cursor\":\"" + token + "\"}")))
			.satisfies((ex) -> assertThat(ex.getType()).isEqualTo("mismatched_page_parameters"));
	}

	@Test
	void resolveWhenCursorMismatchedAndAFilterInvalidThenInvalidInputFirst() {
		String token = encodeCursor("0000000000000000");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> resolve(post("{\"id\":7,\"page_cursor\":\"" + token + "\"}")))
			.satisfies((ex) -> assertThat(ex.getType()).isEqualTo(ErrorTypes.INVALID_INPUT));
	}

	@Test
	void resolveWhenBodyIsNotAnObjectThenInvalidInput() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> resolve(post("[1,2]")))
			.withMessage("Expected object, received array");
	}

	@Test
	void resolveWhenRecordHasNoFromThenProgrammingErrorNamesIt() throws Exception {
		MethodParameter parameter = new MethodParameter(
				RouteParamsTests.class.getDeclaredMethod("handler", Sample.class, WithoutFrom.class), 1);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.resolver.resolveArgument(parameter, null,
					new ServletWebRequest(post("{\"id\":\"a\"}")), null))
			.withMessageContaining("must declare static WithoutFrom from(SeamParams)");
	}

	private Sample resolve(MockHttpServletRequest request) throws Exception {
		MethodParameter parameter = new MethodParameter(
				RouteParamsTests.class.getDeclaredMethod("handler", Sample.class, WithoutFrom.class), 0);
		assertThat(this.resolver.supportsParameter(parameter)).isTrue();
		return (Sample) this.resolver.resolveArgument(parameter, null, new ServletWebRequest(request), null);
	}

	private static MockHttpServletRequest post(String json) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sample");
		request.setContentType("application/json");
		request.setContent(json.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	/** A cursor as Paging issues it: fingerprint, created_at and id, base64url. */
	private static String encodeCursor(String fingerprint) {
		String raw = fingerprint + "\n2026-01-01T00:00:00Z\nrow_1";
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

}
