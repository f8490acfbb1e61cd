package dev.emulator.seam.seed;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.CurrentAuth;
import dev.emulator.seam.auth.SeamRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The outages {@code POST /_fake/simulate_workspace_outage} sets, as Seam's fake has
 * them: while a workspace is "down" for a route, a request to that route authenticated
 * for that workspace is 503 with an empty body (no envelope: what an SDK meets when
 * something in front of Seam fails), after the credential and method checks. Kept in this
 * instance's memory; {@code /_sandbox/reset} ends every outage (BEHAVIOUR 7.4).
 */
@Component
@ConditionalOnBooleanProperty("emulator.seed")
class SimulatedOutages implements HandlerInterceptor, WebMvcConfigurer {

	private final Map<String, Set<String>> routesByWorkspace = new ConcurrentHashMap<>();

	/** Replaces the workspace's outage by one of these routes (none: no outage). */
	void simulate(String workspaceId, List<String> routes) {
		if (routes.isEmpty()) {
			this.routesByWorkspace.remove(workspaceId);
		}
		else {
			this.routesByWorkspace.put(workspaceId, Set.copyOf(routes));
		}
	}

	void endAll() {
		this.routesByWorkspace.clear();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// After SeamRouteInterceptor (order 0): a refused credential or method is still
		// reported as such.
		registry.addInterceptor(this).order(1);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (this.routesByWorkspace.isEmpty() || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		SeamRoute route = method.getMethodAnnotation(SeamRoute.class);
		AuthContext auth = CurrentAuth.find();
		if (route == null || route.anonymous() || auth == null || auth.workspaceId() == null) {
			return true;
		}
		Set<String> down = this.routesByWorkspace.get(auth.workspaceId());
		if (down != null && down.contains(request.getRequestURI())) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setContentLength(0);
			return false;
		}
		return true;
	}

}
