package dev.emulator.seam.auth;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.ErrorTypes;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.web.SeamParamsReader;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * {@code seam-publishable-key} on a request without {@code Authorization} (with one, the
 * publishable key is ignored, as in Seam's fake). The user identifier key comes from the
 * parameters, else from {@code user-identifier-key} or {@code seam-user-identifier-key}.
 */
public final class PublishableKeyAuthenticationConverter implements AuthenticationConverter {

	private final SeamParamsReader paramsReader;

	public PublishableKeyAuthenticationConverter(SeamParamsReader paramsReader) {
		this.paramsReader = paramsReader;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return null;
		}
		List<String> keys = Collections.list(request.getHeaders("seam-publishable-key"));
		if (keys.isEmpty()) {
			return null;
		}
		if (keys.size() > 1) {
			throw new SeamAuthenticationException(AuthMethod.PUBLISHABLE_KEY, ApiException
				.unauthorized(ErrorTypes.INVALID_PUBLISHABLE_KEY, "seam-publishable-key must be a string"));
		}
		return new SeamAuthenticationToken(AuthMethod.PUBLISHABLE_KEY, keys.get(0), userIdentifierKey(request));
	}

	private String userIdentifierKey(HttpServletRequest request) {
		SeamParams params = this.paramsReader.read(request);
		String key = params.peekString("user_identifier_key");
		if (key == null || key.isBlank()) {
			key = firstNonBlank(request.getHeader("user-identifier-key"),
					request.getHeader("seam-user-identifier-key"));
		}
		return (key == null || key.isBlank()) ? null : key;
	}

	private static String firstNonBlank(String first, String second) {
		return (first != null && !first.isBlank()) ? first : second;
	}

}
