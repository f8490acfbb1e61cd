package dev.emulator.seam.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request threads are many ({@code SEAM_HTTP_THREADS}, so that clients sending slowly
 * cannot take them all), database connections few. Past this gate, no more requests run
 * at once than the pool has connections: the others wait here, parked, in arrival order,
 * instead of in the pool, whose hand-off spins on the CPU when many threads wait (see
 * BENCHMARKS.md). A request that waits longer than {@code SEAM_DATABASE_QUEUE_TIMEOUT}
 * (10 s) gets 503. The wait is longer than the pool's connection timeout on purpose: a
 * burst of requests is a queue, not a failure, and while the database is gone the
 * requests inside the gate fail within the pool's timeout, so the queue drains quickly.
 * The probes ({@code /health}, {@code /actuator/*}) pass without waiting, so that they
 * answer at once even when every permit is held by requests waiting on a database that is
 * gone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
public class DatabaseConcurrencyGate extends OncePerRequestFilter {

	private final Semaphore permits;

	private final long timeoutMillis;

	private final ApiErrorWriter errorWriter;

	DatabaseConcurrencyGate(@Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
			@Value("${emulator.database-queue-timeout:10s}") java.time.Duration queueTimeout,
			ApiErrorWriter errorWriter) {
		this.permits = new Semaphore(poolSize, true);
		this.timeoutMillis = queueTimeout.toMillis();
		this.errorWriter = errorWriter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.equals("/health") || path.startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean acquired;
		try {
			acquired = this.permits.tryAcquire(this.timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			this.errorWriter.write(response, DatabaseUnavailable.busy());
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}

}
