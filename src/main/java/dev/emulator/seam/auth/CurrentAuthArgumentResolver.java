package dev.emulator.seam.auth;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Injects the caller's {@link AuthContext} into controller methods. */
public class CurrentAuthArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return AuthContext.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		AuthContext auth = CurrentAuth.find();
		if (auth == null || !parameter.getParameterType().isInstance(auth)) {
			throw ApiException.unauthorized(ErrorTypes.UNAUTHORIZED, "No authentication methods succeeded");
		}
		return auth;
	}

}
