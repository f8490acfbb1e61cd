package dev.emulator.seam.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides a {@code Content-Type} that names no concrete type ({@code *}/{@code *},
 * {@code application/*}). Routes read the body as JSON whatever its content type says, so
 * nothing reads the header; but Spring's "no handler found" path turns it into
 * {@code HttpHeaders}, which refuses wildcards with an exception, and an unknown route
 * answered 500 instead of 404 (found by HostileInputPropertyTests).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WildcardContentTypeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(isWildcard(request.getContentType()) ? new WithoutContentType(request) : request, response);
	}

	private static boolean isWildcard(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isWildcardType() || type.isWildcardSubtype();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static final class WithoutContentType extends HttpServletRequestWrapper {

		WithoutContentType(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public String getHeader(String name) {
			return "content-type".equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public java.util.Enumeration<String> getHeaders(String name) {
			return "content-type".equalsIgnoreCase(name) ? java.util.Collections.emptyEnumeration()
					: super.getHeaders(name);
		}

		@Override
		public java.util.Enumeration<String> getHeaderNames() {
			return java.util.Collections.enumeration(java.util.Collections.list(super.getHeaderNames())
				.stream()
				.filter((header) -> !"content-type".equalsIgnoreCase(header))
				.toList());
		}

	}

}
