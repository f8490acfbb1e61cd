package dev.emulator.seam.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address clients reach this server at, for the URLs it hands out (a connect
 * webview's {@code url}, a list's {@code next_page_url}): {@code emulator.public-url}
 * ({@code SEAM_PUBLIC_URL}), else {@code http://localhost:<port>}. Never the request's
 * {@code Host} header, which any client sets to anything and which would then be stored
 * and shown to other readers.
 */
@Component
public class PublicUrl implements ServletContextAware {

	private static final String ATTRIBUTE = PublicUrl.class.getName();

	private final String configured;

	private final Environment environment;

	PublicUrl(@Value("${emulator.public-url:}") String configured, Environment environment) {
		this.configured = StringUtils.trimTrailingCharacter(configured.trim(), '/');
		this.environment = environment;
	}

	@Override
	public void setServletContext(ServletContext servletContext) {
		servletContext.setAttribute(ATTRIBUTE, this);
	}

	/** The current request's path and query on the public base URL. */
	static UriComponentsBuilder currentRequest() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		PublicUrl publicUrl = (PublicUrl) request.getServletContext().getAttribute(ATTRIBUTE);
		return UriComponentsBuilder.fromUriString(publicUrl.base())
			.path(request.getRequestURI())
			.query(request.getQueryString());
	}

	/** Without a trailing slash. */
	public String base() {
		if (!this.configured.isEmpty()) {
			return this.configured;
		}
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}

}
