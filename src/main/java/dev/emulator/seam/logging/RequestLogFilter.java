package dev.emulator.seam.logging;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import dev.emulator.seam.auth.ApiKeyAuth;
import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.ClientSessionAuth;
import dev.emulator.seam.auth.ConsoleSessionAuth;
import dev.emulator.seam.auth.CurrentAuth;
import dev.emulator.seam.auth.PersonalAccessTokenAuth;
import dev.emulator.seam.auth.PublishableKeyAuth;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request, on logger {@code seam.request}, written when the response is
 * complete: the route (the mapped path pattern, never the query string), method, status,
 * duration, the credential kind and its workspace. The {@code seam-request-id} is in the
 * logging context ({@code request_id}) as for every line of the request.
 * <p>
 * A 5xx is logged at WARN, other answers at INFO, probes and metrics scrapes
 * ({@code /actuator/**}) at DEBUG. The logger is at WARN unless configured
 * ({@code LOGGING_LEVEL_SEAM_REQUEST=INFO}): a line per request halved the rate of the
 * cheapest routes (BENCHMARKS.md), and a test suite's thousands of requests are noise on
 * its console.
 * <p>
 * In text format the fields are in the message; in JSON format
 * ({@code SEAM_LOG_FORMAT=json}) each is also a member of the line ({@code route},
 * {@code method}, {@code status}, {@code duration_ms}, {@code path}, {@code credential},
 * {@code workspace_id}). Credentials are never logged, and the masking of the log
 * configuration applies anyway.
 */
public class RequestLogFilter extends OncePerRequestFilter {

	static final String LOGGER = "seam.request";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private static final String AUTH = RequestLogFilter.class.getName() + ".auth";

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			write(request, response.getStatus(), durationMs);
		}
	}

	private static void write(HttpServletRequest request, int status, long durationMs) {
		String path = request.getRequestURI();
		Level level = path.startsWith("/actuator/") ? Level.DEBUG : (status >= 500) ? Level.WARN : Level.INFO;
		if (!log.isEnabledForLevel(level)) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String route = (pattern != null) ? pattern.toString() : "UNMATCHED";
		AuthContext auth = (request.getAttribute(AUTH) instanceof AuthContext captured) ? captured : null;
		String credential = (auth != null) ? auth.method().name().toLowerCase(Locale.ROOT) : "none";
		String workspaceId = workspaceIdOf(auth);
		LoggingEventBuilder line = log.atLevel(level)
			.addKeyValue("route", route)
			.addKeyValue("method", request.getMethod())
			.addKeyValue("status", status)
			.addKeyValue("duration_ms", durationMs)
			.addKeyValue("path", path)
			.addKeyValue("credential", credential);
		if (workspaceId != null) {
			line = line.addKeyValue("workspace_id", workspaceId);
		}
		line.log("{} {} {} {} ms route={} credential={}{}", request.getMethod(), path, status, durationMs, route,
				credential, (workspaceId != null) ? " workspace_id=" + workspaceId : "");
	}

	/**
	 * The workspace of the four credential kinds that have one; {@code null} for any
	 * other (a credential without a workspace must not break the log line).
	 */
	private static String workspaceIdOf(AuthContext auth) {
		if (auth instanceof ApiKeyAuth apiKey) {
			return apiKey.workspaceId();
		}
		if (auth instanceof PersonalAccessTokenAuth pat) {
			return pat.workspaceId();
		}
		if (auth instanceof ClientSessionAuth session) {
			return session.workspaceId();
		}
		if (auth instanceof ConsoleSessionAuth console) {
			return console.workspaceId();
		}
		if (auth instanceof PublishableKeyAuth publishable) {
			return publishable.workspaceId();
		}
		return null;
	}

	/**
	 * Runs after Spring Security's chain, which clears the security context on its way
	 * out, and notes the caller for {@link RequestLogFilter}, which runs around it.
	 */
	static final class AuthCapture implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			AuthContext auth = CurrentAuth.find();
			if (auth != null) {
				request.setAttribute(AUTH, auth);
			}
			chain.doFilter(request, response);
		}

	}

}
