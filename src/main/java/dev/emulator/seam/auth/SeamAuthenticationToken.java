package dev.emulator.seam.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Spring Security's view of a Seam credential, with the two constructors of Spring
 * Authorization Server's tokens: an unauthenticated request (what a converter read from
 * the request) and an authenticated result (the {@link AuthContext} a provider
 * established).
 */
public final class SeamAuthenticationToken extends AbstractAuthenticationToken {

	private final AuthMethod method;

	private final String credential;

	private final String qualifier;

	private final AuthContext context;

	/**
	 * A credential read from the request, not yet checked.
	 * @param qualifier what the credential needs besides itself: the
	 * {@code seam-workspace} header of a personal access token, the user identifier key
	 * sent with a publishable key; {@code null} otherwise
	 */
	public SeamAuthenticationToken(AuthMethod method, String credential, String qualifier) {
		super(List.of());
		if (method == null || credential == null) {
			throw new IllegalArgumentException("method and credential cannot be null");
		}
		this.method = method;
		this.credential = credential;
		this.qualifier = qualifier;
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
		this.qualifier = null;
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

	public String getQualifier() {
		return this.qualifier;
	}

	@Override
	public AuthContext getPrincipal() {
		return this.context;
	}

	public AuthContext getContext() {
		return this.context;
	}

	@Override
	public String toString() {
		// Never print the credential.
		return "SeamAuthenticationToken[" + this.method + ", authenticated=" + isAuthenticated() + "]";
	}

}
