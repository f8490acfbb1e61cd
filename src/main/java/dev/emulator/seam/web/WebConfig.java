package dev.emulator.seam.web;

import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final SeamParamsReader paramsReader;

	WebConfig(SeamParamsReader paramsReader) {
		this.paramsReader = paramsReader;
	}

	/**
	 * Tomcat's own error reports (the requests it refuses before any filter) in Seam's
	 * envelope: the host's {@link ErrorReportValve}, Tomcat's or the one Spring Boot
	 * installs, is replaced by {@link EnvelopeErrorReportValve}.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReportValve(ApiErrorWriter writer) {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new EnvelopeErrorReportValve(writer));
				// StandardHost adds a valve of this class at start unless the pipeline
				// has one already.
				host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
			}
		});
	}

	/**
	 * What Spring Security's {@code StrictHttpFirewall} refuses ({@code %2e}, {@code ;},
	 * {@code //}, an encoded slash or NUL in the path, control characters in a header) is
	 * a 400 {@code invalid_input} in Seam's envelope. Header values are checked when
	 * read, so a rejection can also come out of a route; {@link ApiExceptionHandler}
	 * answers those the same way.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ApiErrorWriter writer) {
		return (request, response, ex) -> writer.write(response, ApiException.requestRejected());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new RouteParamsArgumentResolver(this.paramsReader));
	}

}
