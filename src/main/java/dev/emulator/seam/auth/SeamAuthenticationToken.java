package dev.emulator.seam.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Spring Security's view of a Seam credential, with the two constructors of Spring Authorization Server's tokens: an
 * unauthenticated request (what a converter read from the request) and an authenticated result (the
 * {@link AuthContext} a provider established).
 */
public final class SeamAuthenticationToken extends AbstractAuthenticationToken {

	private final AuthMethod method;

	private final String credential;

	private final AuthContext context;

	/** A credential read from the request, not yet checked. */
	public SeamAuthenticationToken(AuthMethod method, String credential) {
		super(List.of());
		if (method == null || credential == null) {
			throw new IllegalArgumentException("method and credential cannot be null");
		}
		this.method = method;
		this.credential = credential;
		this.context = null;
		setAuthenticated(false);
	}

	/** A checked credential. */
	public SeamAuthenticationToken(AuthContext context) {
		super(List.of());
		if (context == null) {
			throw new IllegalArgumentException("context cannot be null");
		}
		this.method = context.method();
		this.credential = null;
		this.context = context;
		setAuthenticated(true);
	}

	public AuthMethod getMethod() {
		return this.method;
	}

	@Override
	public String getCredentials() {
		return this.credential;
	}

	@Override
	public AuthContext getPrincipal() {
		return this.context;
	}

	public AuthContext getContext() {
		return this.context;
	}

}
