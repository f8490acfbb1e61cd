package dev.emulator.seam.logging;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link RequestLogFilter} just inside the request id filter (so its line
 * carries the request id) and outside Spring Security (so requests refused there are
 * logged too), and its capture of the caller just inside Spring Security.
 */
@Configuration(proxyBeanMethods = false)
class RequestLogConfig {

	@Bean
	FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
		var registration = new FilterRegistrationBean<>(new RequestLogFilter());
		// RequestIdFilter is HIGHEST_PRECEDENCE, the observation filter of
		// http.server.requests HIGHEST_PRECEDENCE + 1.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestLogFilter.AuthCapture> requestLogAuthCapture() {
		var registration = new FilterRegistrationBean<>(new RequestLogFilter.AuthCapture());
		// Spring Security's chain is at -100 (SecurityProperties.DEFAULT_FILTER_ORDER).
		registration.setOrder(0);
		return registration;
	}

}
