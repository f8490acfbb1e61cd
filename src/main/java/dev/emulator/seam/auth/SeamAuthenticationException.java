package dev.emulator.seam.auth;

import dev.emulator.seam.web.ApiException;

import org.springframework.security.core.AuthenticationException;

/** A credential of a known kind that failed; carries the Seam error to answer with. */
public class SeamAuthenticationException extends AuthenticationException {

	private final transient ApiException error;

	public SeamAuthenticationException(ApiException error) {
		super(error.getMessage());
		this.error = error;
	}

	public ApiException getError() {
		return this.error;
	}

}
