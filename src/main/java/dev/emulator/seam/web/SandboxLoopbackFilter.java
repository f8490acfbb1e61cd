package dev.emulator.seam.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sandbox routes ({@code /_sandbox/*}, {@code /_fake/*}) take no credential, as in
 * Seam's fake, and can reset the seed workspaces: they answer only requests from this
 * machine (a loopback address) unless {@code emulator.sandbox.remote}
 * ({@code SEAM_SANDBOX_REMOTE=true}) opens them to the network, which a container
 * published on 127.0.0.1 needs (its clients come through the bridge).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class SandboxLoopbackFilter extends OncePerRequestFilter {

	private final boolean remote;

	private final ApiErrorWriter errorWriter;

	SandboxLoopbackFilter(@Value("${emulator.sandbox.remote:false}") boolean remote, ApiErrorWriter errorWriter) {
		this.remote = remote;
		this.errorWriter = errorWriter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return this.remote || !(path.startsWith("/_sandbox/") || path.startsWith("/_fake/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isLoopback(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		this.errorWriter.write(response, new ApiException(HttpStatus.FORBIDDEN, "forbidden",
				"Sandbox routes answer only requests from this machine; SEAM_SANDBOX_REMOTE=true opens them"));
	}

	static boolean isLoopback(String address) {
		try {
			// A literal address: no lookup happens.
			return address != null && InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
