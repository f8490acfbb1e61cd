package dev.emulator.seam.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the {@link AuthContext} of the current request; web plumbing only, business code gets it injected. */
public final class CurrentAuth {

	private CurrentAuth() {
	}

	/** The caller, or {@code null} when no credential was presented. */
	public static AuthContext find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof SeamAuthenticationToken token && token.isAuthenticated()) {
			return token.getContext();
		}
		return null;
	}

}
