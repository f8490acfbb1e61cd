package dev.emulator.seam.openapi;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.auth.SeamRoute;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * {@code GET /openapi.json} describes exactly the routes this server answers, with the
 * credentials each accepts, and Swagger UI is served over it.
 */
class OpenApiTests extends ApiTest {

	private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	@Autowired
	ApplicationContext context;

	@Autowired
	HealthEndpointGroups healthGroups;

	@Test
	void openApiWhenFetchedWithoutCredentialThenListsEveryRouteAndMethodTheServerAnswersAndNoOther() {
		JsonPath document = anonymous().get("/openapi.json").then().statusCode(200).extract().jsonPath();

		Map<String, Set<String>> documented = new TreeMap<>();
		document.<String, Map<String, Object>>getMap("paths")
			.forEach((path, item) -> documented.put(path,
					new TreeSet<>(item.keySet().stream().filter(OPERATIONS::contains).toList())));

		assertThat(documented).isEqualTo(answeredRoutes());
	}

	/**
	 * Every handler of every request mapping (controllers and Actuator's endpoints):
	 * controller routes with the methods of their {@link SeamRoute}, Actuator's with
	 * theirs (the health groups expanded).
	 */
	private Map<String, Set<String>> answeredRoutes() {
		Map<String, Set<String>> answered = new TreeMap<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
				for (String path : handler.getKey().getPatternValues()) {
					if (path.equals("/error")) {
						continue; // the servlet container's error page, never a route of
									// its own
					}
					Set<String> methods = methodsOf(path, handler.getKey(), handler.getValue());
					if (path.endsWith("/**")) {
						String base = path.substring(0, path.length() - "/**".length());
						assertThat(base).as("the only Actuator endpoint with sub-paths").isEqualTo("/actuator/health");
						this.healthGroups.getNames()
							.forEach((group) -> answered.computeIfAbsent(base + "/" + group, (k) -> new TreeSet<>())
								.addAll(methods));
						continue;
					}
					answered.computeIfAbsent(path, (k) -> new TreeSet<>()).addAll(methods);
				}
			}
		}
		return answered;
	}

	private static Set<String> methodsOf(String path, RequestMappingInfo info, HandlerMethod handler) {
		if (path.startsWith("/actuator/")) {
			return new TreeSet<>(info.getMethodsCondition()
				.getMethods()
				.stream()
				.map((method) -> method.name().toLowerCase(Locale.ROOT))
				.toList());
		}
		SeamRoute route = handler.getMethodAnnotation(SeamRoute.class);
		assertThat(route).as("@SeamRoute on %s (%s)", path, handler).isNotNull();
		return new TreeSet<>(
				Arrays.stream(route.methods()).map((method) -> method.name().toLowerCase(Locale.ROOT)).toList());
	}

	@Test
	void openApiWhenFetchedThenSecurityIsWhatEachRouteAcceptsAndApiKeyIsABearerScheme() {
		JsonPath document = anonymous().get("/openapi.json").then().statusCode(200).extract().jsonPath();

		assertThat(document.<String, Object>getMap("components.securitySchemes").keySet()).containsExactlyInAnyOrder(
				"api_key", "pat_with_workspace", "seam_workspace", "client_session", "client_session_token",
				"seam_client_session_token", "publishable_key", "admin_token", "console_session_with_workspace",
				"console_session_without_workspace", "pat_without_workspace");
		assertThat(document.getString("components.securitySchemes.admin_token.name")).isEqualTo("seam-admin-token");
		assertThat(document.<Object>getList("paths.'/_admin/api_keys/rotate'.post.security"))
			.isEqualTo(List.of(Map.of("admin_token", List.of())));
		assertThat(document.getString("components.securitySchemes.api_key.type")).isEqualTo("http");
		assertThat(document.getString("components.securitySchemes.api_key.scheme")).isEqualTo("bearer");
		assertThat(document.getList("servers.url")).containsExactly("/");
		assertThat(document.<Object>getList("paths.'/client_sessions/list'.get.security")).isEqualTo(List.of(
				Map.of("api_key", List.of()), Map.of("pat_with_workspace", List.of(), "seam_workspace", List.of()),
				Map.of("console_session_with_workspace", List.of(), "seam_workspace", List.of())));
		// Seam's document does not list client sessions here; this server accepts them
		// (BEHAVIOUR 4.4).
		assertThat(document.<Object>getList("paths.'/connected_accounts/list'.get.security"))
			.contains(Map.of("client_session", List.of()), Map.of("client_session_token", List.of()));
		assertThat(document.<Object>getList("paths.'/client_sessions/create'.post.security")).contains(
				Map.of("publishable_key", List.of()),
				Map.of("console_session_with_workspace", List.of(), "seam_workspace", List.of()));
		assertThat(document.<Object>getList("paths.'/workspaces/list'.post.security")).contains(
				Map.of("pat_without_workspace", List.of()), Map.of("console_session_without_workspace", List.of()));
		assertThat(document.<Object>getList("paths.'/health'.get.security")).isEmpty();
		assertThat(document.getString("paths.'/client_sessions/get_or_create'.put.operationId"))
			.isEqualTo("clientSessionsGetOrCreatePut");
	}

	@Test
	void swaggerUiWhenOpenedThenPageLoadsAndPointsAtOpenApiJson() {
		RestAssured.given()
			.redirects()
			.follow(false)
			.get("/swagger-ui/")
			.then()
			.statusCode(302)
			.header("Location", containsString("/swagger-ui/index.html"));
		RestAssured.given()
			.get("/swagger-ui/index.html")
			.then()
			.statusCode(200)
			.contentType(startsWith("text/html"))
			.body(containsString("swagger-initializer.js"), containsString("swagger-ui-bundle.js"));
		RestAssured.given()
			.get("/swagger-ui/swagger-initializer.js")
			.then()
			.statusCode(200)
			.body(containsString("url: \"/openapi.json\""), containsString("persistAuthorization: true"));
		RestAssured.given().get("/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
		RestAssured.given().get("/swagger-ui/swagger-ui.css").then().statusCode(200);
		RestAssured.given()
			.get("/swagger-ui/nothing-here.js")
			.then()
			.statusCode(404)
			.body("error.type", equalTo("not_found"));
	}

}
