package dev.emulator.seam.auth;

import dev.emulator.seam.web.ApiException;

import org.springframework.security.core.AuthenticationException;

/**
 * A credential of a known kind that failed; carries the Seam error to answer with, if the
 * route accepts the kind.
 */
public class SeamAuthenticationException extends AuthenticationException {

	private final AuthMethod method;

	private final transient ApiException error;

	public SeamAuthenticationException(AuthMethod method, ApiException error) {
		super(error.getMessage());
		this.method = method;
		this.error = error;
	}

	public AuthMethod getMethod() {
		return this.method;
	}

	public ApiException getError() {
		return this.error;
	}

}
