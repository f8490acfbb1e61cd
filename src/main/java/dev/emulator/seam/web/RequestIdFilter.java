package dev.emulator.seam.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import dev.emulator.seam.support.Secrets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First in the chain: gives every response, success or error, a {@code seam-request-id}
 * header ({@code request_<uuid>}, the prefix test suites written against Seam's fake
 * check) and puts the same value in the logging context.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "seam-request-id";

	static String newRequestId() {
		return "request_" + Secrets.newId();
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// On an error dispatch the response usually has its id already; a request Tomcat
		// or a filter failed before this filter ran has none.
		String requestId = response.getHeader(HEADER);
		if (requestId == null) {
			requestId = newRequestId();
			response.setHeader(HEADER, requestId);
		}
		MDC.put("request_id", requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("request_id");
		}
	}

}
