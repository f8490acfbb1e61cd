package dev.emulator.seam.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import dev.emulator.seam.openapi.OpenApiDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every response the full-stack tests receive. Success responses are validated
 * against the OpenAPI document this server publishes ({@link OpenApiDocument#merged()}:
 * Seam's document, taken from Seam's OpenAPI in {@code @seamapi/types}, plus the
 * emulator's own routes): a missing required key or a wrong type fails the test that made
 * the request. Error responses, which the document leaves without a schema, must be
 * Seam's envelope as the SDK recognises it (BEHAVIOUR 5.1): JSON, {@code error.type} and
 * {@code error.message} strings, {@code ok: false}, a {@code seam-request-id} header, and
 * no stack trace.
 * <p>
 * Requests are not validated (tests send invalid ones on purpose). The {@code uuid}
 * format alone is not enforced (see {@link #specificationWithoutUuidFormat()}); other
 * formats ({@code date-time}) are.
 */
public final class SeamOpenApi implements Filter {

	public static final Filter RESPONSE_VALIDATION = new SeamOpenApi();

	private final OpenApiInteractionValidator openApi = OpenApiInteractionValidator
		.createForInlineApiSpecification(specificationWithoutUuidFormat())
		.withLevelResolver(LevelResolver.create()
			.withLevel("validation.request", ValidationReport.Level.IGNORE)
			// Unless told otherwise the validator adds additionalProperties: false to
			// every schema, which no object can satisfy where Seam's schemas combine
			// allOf branches; extra members are harmless to typed clients.
			.withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
			// The event schema is a oneOf of inline variants under a discriminator
			// without a mapping, which this validator resolves as schema names; the oneOf
			// itself (exactly one variant must match) is still checked.
			.withLevel("validation.response.body.schema.discriminator", ValidationReport.Level.IGNORE)
			.build())
		.build();

	/**
	 * The document with {@code format: uuid} removed: the seed keeps Seam's fake's
	 * literal ids ({@code cst1}, {@code seed_workspace_1}), which BEHAVIOUR 1.9 tells us
	 * to accept. Removing the format (rather than ignoring its messages) keeps oneOf
	 * schemas such as {@code event} matching on everything else.
	 */
	private static String specificationWithoutUuidFormat() {
		try {
			com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
			com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(OpenApiDocument.merged().toString());
			removeUuidFormat(root);
			return mapper.writeValueAsString(root);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void removeUuidFormat(com.fasterxml.jackson.databind.JsonNode node) {
		if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
			if ("uuid".equals(object.path("format").asText(null))) {
				object.remove("format");
			}
		}
		node.forEach(SeamOpenApi::removeUuidFormat);
	}

	private SeamOpenApi() {
	}

	/**
	 * The ERROR-level findings for a success body of {@code GET path}; what the filter
	 * asserts is empty.
	 */
	static java.util.List<ValidationReport.Message> errorsForGet(String path, String body) {
		var response = com.atlassian.oai.validator.model.SimpleResponse.Builder.ok()
			.withContentType("application/json")
			.withBody(body)
			.build();
		return ((SeamOpenApi) RESPONSE_VALIDATION).openApi
			.validateResponse(path, com.atlassian.oai.validator.model.Request.Method.GET, response)
			.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.toList();
	}

	@Override
	public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
			FilterContext context) {
		Response result = context.next(request, response);
		assertThat(result.getHeader("seam-request-id")).as("seam-request-id header").startsWith("request_");
		if (result.getStatusCode() < 400) {
			ValidationReport report = this.openApi.validate(RestAssuredRequest.of(request),
					RestAssuredResponse.of(result));
			assertThat(report.getMessages()).as("OpenAPI validation of %s %s", request.getMethod(), request.getURI())
				.filteredOn((message) -> message.getLevel() == ValidationReport.Level.ERROR)
				.extracting((message) -> message.getKey() + ": " + message.getMessage())
				.isEmpty();
			return result;
		}
		if (result.getStatusCode() == 503 && result.asString().isEmpty()) {
			return result;
		}
		assertThat(result.getContentType()).as("error content type").startsWith("application/json");
		String body = result.asString();
		assertThat(body).as("error body").doesNotContain("Exception").doesNotContain("\tat ");
		JsonPath json = new JsonPath(body);
		assertThat(json.getBoolean("ok")).as("ok").isFalse();
		assertThat(json.<Object>get("error.type")).as("error.type").isInstanceOf(String.class);
		assertThat(json.<Object>get("error.message")).as("error.message").isInstanceOf(String.class);
		return result;
	}

}
