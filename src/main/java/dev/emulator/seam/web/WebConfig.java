package dev.emulator.seam.web;

import java.util.List;

import dev.emulator.seam.auth.CurrentAuthArgumentResolver;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final SeamParamsReader paramsReader;

	WebConfig(SeamParamsReader paramsReader) {
		this.paramsReader = paramsReader;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SeamRouteInterceptor());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new SeamParamsArgumentResolver(this.paramsReader));
		resolvers.add(new CurrentAuthArgumentResolver());
	}

}
