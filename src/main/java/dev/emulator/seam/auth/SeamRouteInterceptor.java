package dev.emulator.seam.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.ApiException;

/**
 * Enforces {@link SeamRoute} in Seam's pipeline order (BEHAVIOUR 1.3): OPTIONS is
 * answered before anything else, then the credential must be of an accepted kind and
 * valid (401 {@code unauthorized}, worded by {@link AuthHints}, or the credential's own
 * error when the route accepts its kind), then the method must be accepted (405).
 */
class SeamRouteInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		SeamRoute route = method.getMethodAnnotation(SeamRoute.class);
		if (route == null) {
			return true;
		}
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			response.setStatus(HttpServletResponse.SC_OK);
			return false;
		}
		if (!route.anonymous()) {
			Set<AuthMethod> accepted = AuthMethod.acceptedBy(route);
			AuthContext auth = CurrentAuth.find();
			if (auth == null || !accepted.contains(auth.method())) {
				SeamAuthenticationException failure = CurrentAuth.failure(request);
				if (failure != null && accepted.contains(failure.getMethod())) {
					throw failure.getError();
				}
				AuthMethod sent = (auth != null) ? auth.method() : (failure != null) ? failure.getMethod() : null;
				throw ApiException.unauthorized(ErrorTypes.UNAUTHORIZED,
						AuthHints.noMethodSucceeded(request, route.auth(), sent));
			}
		}
		boolean allowed = Arrays.stream(route.methods()).anyMatch((m) -> m.name().equals(request.getMethod()));
		if (!allowed) {
			String names = Arrays.stream(route.methods()).map(Enum::name).collect(Collectors.joining(","));
			throw ApiException.methodNotAllowed(names);
		}
		return true;
	}

}
