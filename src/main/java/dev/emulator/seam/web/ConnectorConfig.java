package dev.emulator.seam.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's connector: its protocol is {@link GuardedHttp11NioProtocol}, which refuses
 * requests whose framing a proxy could read differently before Tomcat parses them
 * (BEHAVIOUR 8.3). And Tomcat's part in keeping slow clients from holding request
 * threads: after a request {@link RequestBodyFilter} gave up on (408, or HTTP/0.9), the
 * connection is closed without reading the rest of the body. Tomcat would otherwise read
 * ("swallow") up to 2 MB of it before the next request, at whatever pace the client sends
 * it.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorConfig {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> guardedProtocol() {
		return (factory) -> factory.setProtocol(GuardedHttp11NioProtocol.class.getName());
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> dropConnectionValve() {
		return (factory) -> factory.addContextValves(new DropConnectionValve());
	}

	static final class DropConnectionValve extends ValveBase {

		DropConnectionValve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			if (Boolean.TRUE.equals(request.getAttribute(RequestBodyFilter.DROP_CONNECTION))) {
				// The answer is flushed already. Closing now, rather than disabling the
				// swallow (an error state that makes the host valve dispatch to the error
				// page, which then writes to a closed response), skips both.
				request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
			}
		}

	}

}
