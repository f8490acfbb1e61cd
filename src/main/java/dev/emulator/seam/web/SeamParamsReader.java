package dev.emulator.seam.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.emulator.seam.support.EmulatorProperties;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Reads a request's {@link SeamParams} once and keeps them on the request, so that
 * authentication (a publishable key reads {@code user_identifier_key} from the body) and
 * the controller see the same values.
 */
@Component
public class SeamParamsReader {

	private static final String ATTRIBUTE = SeamParams.class.getName();

	/**
	 * The deepest JSON body accepted. Seam's parameters are at most two levels deep
	 * ({@code custom_metadata}); the limit keeps a hostile {@code [[[[...]]]]} from
	 * costing anything.
	 */
	public static final int MAX_NESTING_DEPTH = 64;

	// Duplicate keys are ambiguous (which one wins differs between parsers), so they are
	// refused.
	private final JsonMapper strictMapper = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final EmulatorProperties properties;

	public SeamParamsReader(EmulatorProperties properties) {
		this.properties = properties;
	}

	/**
	 * The request's parameters; raises 400 {@code invalid_input} or 413 when the body
	 * cannot be read.
	 */
	public SeamParams read(HttpServletRequest request) {
		Object cached = request.getAttribute(ATTRIBUTE);
		if (cached instanceof SeamParams params) {
			return params;
		}
		ObjectNode body = readBody(request);
		SeamParams params = new SeamParams(body, readQuery(request),
				new SeamParams.Limits(this.properties.maxArrayItems(), this.properties.maxStringLength()));
		request.setAttribute(ATTRIBUTE, params);
		return params;
	}

	private ObjectNode readBody(HttpServletRequest request) {
		String method = request.getMethod();
		boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		if (HttpMethod.HEAD.matches(method) || (HttpMethod.GET.matches(method) && !hasBody)) {
			return this.strictMapper.createObjectNode();
		}
		// A GET with a JSON body is read like a POST (BEHAVIOUR 1.5): Seam's server
		// merges
		// the query string and the body for the routes that take both methods, so curl
		// users who send -d with GET get the parameters they sent, not a 404 for a
		// parameter that seemed to be missing.
		int max = this.properties.maxBodyBytes();
		if (request.getContentLengthLong() > max) {
			throw ApiException.payloadTooLarge();
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(max + 1);
		}
		catch (IOException ex) {
			throw ApiException.invalidInput("Could not read the request body", null);
		}
		if (bytes.length > max) {
			throw ApiException.payloadTooLarge();
		}
		if (isBlank(bytes)) {
			return this.strictMapper.createObjectNode();
		}
		JsonNode node;
		try {
			node = this.strictMapper.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw ApiException.invalidInput("Invalid JSON body", null);
		}
		if (!(node instanceof ObjectNode object)) {
			throw ApiException.invalidInput("Expected object, received " + SeamParams.typeName(node), null);
		}
		rejectUnstorableStrings(object);
		return object;
	}

	/**
	 * PostgreSQL cannot store NUL in text (the insert fails), and an unpaired surrogate
	 * has no UTF-8 form (the driver would store {@code ?}): no string of the body, member
	 * names included, may contain either.
	 */
	private static void rejectUnstorableStrings(ObjectNode body) {
		for (Map.Entry<String, JsonNode> member : body.properties()) {
			Deque<JsonNode> pending = new ArrayDeque<>();
			pending.push(member.getValue());
			String problem = SeamParams.unstorable(member.getKey());
			while (problem == null && !pending.isEmpty()) {
				JsonNode node = pending.pop();
				if (node.isString()) {
					problem = SeamParams.unstorable(node.asString());
				}
				else if (node.isObject()) {
					for (Map.Entry<String, JsonNode> child : node.properties()) {
						problem = (problem != null) ? problem : SeamParams.unstorable(child.getKey());
						pending.push(child.getValue());
					}
				}
				else if (node.isArray()) {
					node.forEach(pending::push);
				}
			}
			if (problem != null) {
				throw SeamParams.invalidParameter(member.getKey(), problem);
			}
		}
	}

	private static MultiValueMap<String, String> readQuery(HttpServletRequest request) {
		String queryString = request.getQueryString();
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (queryString == null || queryString.isEmpty()) {
			return query;
		}
		for (String pair : queryString.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode((eq < 0) ? pair : pair.substring(0, eq));
			String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
			String problem = (SeamParams.unstorable(name) != null) ? SeamParams.unstorable(name)
					: SeamParams.unstorable(value);
			if (problem != null) {
				throw SeamParams.invalidParameter(name, problem);
			}
			// The SDK adds _strict=true to ask for schema-aware parsing, which is the
			// only parsing this server does.
			if (!"_strict".equals(name)) {
				query.add(name, value);
			}
		}
		return query;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidInput("Invalid percent-encoding in the query string", null);
		}
	}

	private static boolean isBlank(byte[] bytes) {
		for (byte b : bytes) {
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

}
