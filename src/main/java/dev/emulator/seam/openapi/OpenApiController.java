package dev.emulator.seam.openapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.emulator.seam.auth.AuthMethod;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.springframework.web.bind.annotation.RequestMethod.GET;

/**
 * {@code GET /openapi.json}: {@link OpenApiDocument#merged()} with each operation's
 * security requirements replaced by the credentials its {@link SeamRoute} accepts, so
 * that the document (and Swagger UI) offers exactly what this server takes: Seam's
 * document also lists console sessions, customer sessions and support tokens, which this
 * server does not have. Security schemes nothing refers to are dropped. No credential
 * needed.
 */
@RestController
class OpenApiController {

	/**
	 * Security scheme names (Seam's, and the emulator's admin_token) per credential kind.
	 */
	private static final Map<AuthMethod, List<Map<String, List<String>>>> REQUIREMENTS = Map.ofEntries(
			Map.entry(AuthMethod.API_KEY, List.of(Map.of("api_key", List.of()))),
			Map.entry(AuthMethod.PERSONAL_ACCESS_TOKEN,
					List.of(Map.of("pat_with_workspace", List.of(), "seam_workspace", List.of()))),
			Map.entry(AuthMethod.PERSONAL_ACCESS_TOKEN_WITHOUT_WORKSPACE,
					List.of(Map.of("pat_without_workspace", List.of()))),
			Map.entry(AuthMethod.CONSOLE_SESSION,
					List.of(Map.of("console_session_with_workspace", List.of(), "seam_workspace", List.of()))),
			Map.entry(AuthMethod.CONSOLE_SESSION_WITHOUT_WORKSPACE,
					List.of(Map.of("console_session_without_workspace", List.of()))),
			Map.entry(AuthMethod.CLIENT_SESSION,
					List.of(Map.of("client_session", List.of()), Map.of("client_session_token", List.of()),
							Map.of("seam_client_session_token", List.of()))),
			Map.entry(AuthMethod.PUBLISHABLE_KEY, List.of(Map.of("publishable_key", List.of()))),
			Map.entry(AuthMethod.ADMIN, List.of(Map.of("admin_token", List.of()))));

	private final ObjectProvider<RequestMappingHandlerMapping> handlerMapping;

	private volatile String document;

	// Looked up on first use: this controller is itself one of the mapping's handlers.
	OpenApiController(
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMapping) {
		this.handlerMapping = handlerMapping;
	}

	@RequestMapping("/openapi.json")
	@SeamRoute(methods = GET, anonymous = true)
	ResponseEntity<String> openApi() {
		String json = this.document;
		if (json == null) {
			json = build(this.handlerMapping.getObject()
				.getHandlerMethods()
				.entrySet()
				.stream()
				.flatMap((entry) -> entry.getKey()
					.getPatternValues()
					.stream()
					.map((path) -> Map.entry(path, entry.getValue())))
				.toList());
			this.document = json;
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
	}

	private static String build(List<Map.Entry<String, HandlerMethod>> handlers) {
		ObjectNode document = OpenApiDocument.merged();
		ObjectNode paths = (ObjectNode) document.get("paths");
		Set<String> used = new TreeSet<>();
		for (Map.Entry<String, HandlerMethod> handler : handlers) {
			SeamRoute route = handler.getValue().getMethodAnnotation(SeamRoute.class);
			if (route == null || !(paths.get(handler.getKey()) instanceof ObjectNode pathItem)) {
				continue;
			}
			List<Map<String, List<String>>> requirements = route.anonymous() ? List.of()
					: AuthMethod.acceptedBy(route)
						.stream()
						.flatMap((method) -> REQUIREMENTS.getOrDefault(method, List.of()).stream())
						.toList();
			if (!route.anonymous() && requirements.isEmpty()) {
				// A credential kind without a Seam scheme: keep what the document says
				// rather than claim "none needed".
				collectSchemes(pathItem, used);
				continue;
			}
			for (JsonNode operation : pathItem) {
				if (operation instanceof ObjectNode op) {
					ArrayNode security = op.putArray("security");
					for (Map<String, List<String>> requirement : requirements) {
						ObjectNode alternative = security.addObject();
						requirement.keySet().stream().sorted().forEach((scheme) -> {
							alternative.putArray(scheme);
							used.add(scheme);
						});
					}
				}
			}
		}
		// Operations no @SeamRoute covers (Actuator's) keep their security, and so do the
		// schemes they name.
		collectSchemes(paths, used);
		ObjectNode schemes = (ObjectNode) document.get("components").get("securitySchemes");
		schemes.retain(used);
		if (schemes.get("api_key") instanceof ObjectNode apiKey) {
			apiKey.put("description", "An API key, sent as Authorization: Bearer <key>. With SEAM_SEED=true: "
					+ "seam_apikey1_token. Without the seed, the key printed on first start or SEAM_API_KEY.");
		}
		return document.toString();
	}

	/**
	 * The security scheme names the operations under {@code node} require, as they stand.
	 */
	private static void collectSchemes(JsonNode node, Set<String> used) {
		for (JsonNode security : node.findValues("security")) {
			for (JsonNode requirement : security) {
				used.addAll(requirement.propertyNames());
			}
		}
	}

}
