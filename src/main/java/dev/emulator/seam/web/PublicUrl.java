package dev.emulator.seam.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The base URL this server is reached at from the outside, for URLs it hands out (a Connect Webview's {@code url}).
 * It is configured ({@code emulator.public-url}, {@code SEAM_PUBLIC_URL}) and never taken from a request's
 * {@code Host} header, which the caller controls. Unset: {@code http://localhost:<the port the server listens on>}.
 */
@Component
public class PublicUrl {

	private final String configured;

	private volatile int port = 8080;

	PublicUrl(@Value("${emulator.public-url:}") String configured) {
		this.configured = (configured == null || configured.isBlank()) ? null
				: configured.strip().replaceAll("/+$", "");
	}

	@EventListener
	void onWebServer(WebServerInitializedEvent event) {
		this.port = event.getWebServer().getPort();
	}

	/** The base URL, without a trailing {@code /}. */
	public String base() {
		return (this.configured != null) ? this.configured : "http://localhost:" + this.port;
	}

}
