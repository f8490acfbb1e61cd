package dev.emulator.seam.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take {@link SeamParams} as an argument. */
class SeamParamsArgumentResolver implements HandlerMethodArgumentResolver {

	private final SeamParamsReader reader;

	SeamParamsArgumentResolver(SeamParamsReader reader) {
		this.reader = reader;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == SeamParams.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return this.reader.read(webRequest.getNativeRequest(HttpServletRequest.class));
	}

}
