package dev.emulator.seam.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.web.ApiErrorWriter;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.DatabaseUnavailable;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one authentication filter, modelled on Spring Authorization Server's
 * {@code OAuth2ClientAuthenticationFilter}. The converter classifies the request's
 * credential (BEHAVIOUR 2.2); when there is one, the manager validates it (BEHAVIOUR 2.3)
 * and the result goes into the security context. A refused credential is recorded, not
 * answered: as in Seam, a route that does not accept that kind of credential answers 401
 * {@code unauthorized} whatever the credential's own problem, and only a route that
 * accepts it reports that problem ({@link dev.emulator.seam.auth.SeamRoute}). Errors that
 * are not about the credential (an unreadable body) stop the request here, written by
 * {@link ApiErrorWriter}.
 */
public final class SeamAuthenticationFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SeamAuthenticationFilter.class);

	private final AuthenticationConverter converter;

	private final AuthenticationManager manager;

	private final ApiErrorWriter errorWriter;

	public SeamAuthenticationFilter(AuthenticationConverter converter, AuthenticationManager manager,
			ApiErrorWriter errorWriter) {
		this.converter = converter;
		this.manager = manager;
		this.errorWriter = errorWriter;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// BEHAVIOUR 1.4: OPTIONS is answered before authentication.
		return HttpMethod.OPTIONS.matches(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			Authentication credential = this.converter.convert(request);
			if (credential != null) {
				Authentication result = this.manager.authenticate(credential);
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(result);
				SecurityContextHolder.setContext(context);
			}
		}
		catch (SeamAuthenticationException ex) {
			CurrentAuth.recordFailure(request, ex);
		}
		catch (ApiException ex) {
			this.errorWriter.write(response, ex);
			return;
		}
		catch (RequestRejectedException ex) {
			// The firewall checks header values when they are read; FilterChainProxy
			// answers its rejections.
			throw ex;
		}
		catch (RuntimeException ex) {
			if (DatabaseUnavailable.isCause(ex)) {
				log.warn("Authentication: database unreachable: {}", ex.getMessage());
				this.errorWriter.write(response, DatabaseUnavailable.error());
				return;
			}
			log.error("Authentication failed unexpectedly", ex);
			this.errorWriter.write(response, new ApiException(HttpStatus.INTERNAL_SERVER_ERROR,
					ErrorTypes.INTERNAL_SERVER_ERROR, "An unexpected error occurred"));
			return;
		}
		chain.doFilter(request, response);
	}

}
