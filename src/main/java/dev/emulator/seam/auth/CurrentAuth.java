package dev.emulator.seam.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The outcome of authentication for the current request: the caller's
 * {@link AuthContext}, or the failure of the credential that was presented. Web plumbing
 * only; business code gets the {@link AuthContext} injected.
 */
public final class CurrentAuth {

	private static final String FAILURE = CurrentAuth.class.getName() + ".failure";

	private CurrentAuth() {
	}

	/** The caller, or {@code null} when no valid credential was presented. */
	public static AuthContext find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof SeamAuthenticationToken token && token.isAuthenticated()) {
			return token.getContext();
		}
		return null;
	}

	/**
	 * Why the presented credential was refused, or {@code null} when none was refused.
	 */
	public static SeamAuthenticationException failure(HttpServletRequest request) {
		return (SeamAuthenticationException) request.getAttribute(FAILURE);
	}

	static void recordFailure(HttpServletRequest request, SeamAuthenticationException failure) {
		request.setAttribute(FAILURE, failure);
	}

}
