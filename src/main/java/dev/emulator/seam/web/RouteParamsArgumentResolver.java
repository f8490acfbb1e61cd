package dev.emulator.seam.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The one way a route receives its parameters: reads the request's {@link SeamParams},
 * builds the handler's {@link RouteParams} record through its static
 * {@code from(SeamParams)}, then raises every recorded error
 * ({@link SeamParams#throwIfInvalid()}) before the handler runs.
 */
class RouteParamsArgumentResolver implements HandlerMethodArgumentResolver {

	private final SeamParamsReader reader;

	private final Map<Class<?>, MethodHandle> readers = new ConcurrentHashMap<>();

	RouteParamsArgumentResolver(SeamParamsReader reader) {
		this.reader = reader;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return RouteParams.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
		SeamParams params = this.reader.read(webRequest.getNativeRequest(HttpServletRequest.class));
		MethodHandle from = this.readers.computeIfAbsent(parameter.getParameterType(),
				RouteParamsArgumentResolver::from);
		Object value;
		try {
			value = from.invoke(params);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
		params.throwIfInvalid();
		return value;
	}

	/**
	 * The record's static {@code from(SeamParams)}; a record without one is a programming
	 * error.
	 */
	static MethodHandle from(Class<?> type) {
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
			return lookup.findStatic(type, "from", MethodType.methodType(type, SeamParams.class))
				.asType(MethodType.methodType(Object.class, SeamParams.class));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(
					type.getName() + " must declare static " + type.getSimpleName() + " from(SeamParams)", ex);
		}
	}

}
