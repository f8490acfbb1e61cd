package dev.emulator.seam.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.emulator.seam.support.EmulatorProperties;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ApiErrorWriter;

/**
 * Optional per-credential rate limiting (bucket4j token buckets, held in a bounded
 * Caffeine cache), right after authentication. Each credential has its own bucket;
 * requests without a valid credential share one per client address. An exhausted bucket
 * answers 429 {@code too_many_requests} with {@code Retry-After}, which the Seam SDK
 * retries. Buckets live in each instance's memory: behind a load balancer the limit
 * applies per instance.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

	private final EmulatorProperties.RateLimit settings;

	private final ApiErrorWriter errorWriter;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	public RateLimitFilter(EmulatorProperties.RateLimit settings, ApiErrorWriter errorWriter) {
		this.settings = settings;
		this.errorWriter = errorWriter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		// Probes must keep answering whatever clients do.
		return !this.settings.enabled() || path.equals("/health") || path.startsWith("/actuator");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = this.buckets.get(keyOf(request), (key) -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
		response.setHeader("Retry-After", Long.toString(seconds));
		this.errorWriter.write(response,
				new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorTypes.TOO_MANY_REQUESTS, "Too many requests"));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.settings.burst())
				.refillGreedy(this.settings.requestsPerSecond(), Duration.ofSeconds(1))
				.build())
			.build();
	}

	private static String keyOf(HttpServletRequest request) {
		AuthContext auth = CurrentAuth.find();
		if (auth instanceof ApiKeyAuth apiKey) {
			return "api_key:" + apiKey.apiKeyId();
		}
		if (auth instanceof ClientSessionAuth session) {
			return "client_session:" + session.clientSessionId();
		}
		if (auth instanceof PersonalAccessTokenAuth pat) {
			return "personal_access_token:" + pat.accessTokenId() + ":" + pat.workspaceId();
		}
		if (auth instanceof ConsoleSessionAuth console) {
			return "console_session:" + console.userSessionId() + ":" + console.workspaceId();
		}
		if (auth instanceof PublishableKeyAuth publishable) {
			return "publishable_key:" + publishable.workspaceId() + ":" + publishable.userIdentifierKey();
		}
		return "address:" + request.getRemoteAddr();
	}

}
