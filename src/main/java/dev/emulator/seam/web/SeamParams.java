package dev.emulator.seam.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of one request, read the way Seam reads them (BEHAVIOUR 1.5, 1.6): the
 * JSON body for POST, PUT and PATCH with query parameters merged in (the body wins), the
 * query string for GET and DELETE ({@code _strict} ignored, repeated keys, {@code key[]=}
 * and {@code a,b} for arrays, {@code key=} as an empty array).
 * <p>
 * Typed getters return {@code null} when a parameter is absent, and record a validation
 * error worded as Seam's validation library words it when it is present but wrong;
 * {@link #throwIfInvalid()} then raises one 400 {@code invalid_input} naming every
 * failing parameter. JSON values are never coerced: {@code 123} is not a string.
 */
public final class SeamParams {

	private static final Instant MIN_INSTANT = Instant.parse("0000-01-01T00:00:00Z");

	private static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

	private final ObjectNode body;

	private final MultiValueMap<String, String> query;

	private final Limits limits;

	private final Map<String, List<String>> errors = new LinkedHashMap<>();

	private final List<String> formErrors = new ArrayList<>();

	private ApiException failureAfterValidation;

	SeamParams(ObjectNode body, MultiValueMap<String, String> query, Limits limits) {
		this.body = body;
		this.query = query;
		this.limits = limits;
	}

	/** Whether the parameter was sent at all, in the body or the query string. */
	public boolean isPresent(String name) {
		return this.body.has(name) || this.query.containsKey(name) || this.query.containsKey(name + "[]");
	}

	/**
	 * Whether the JSON body sends the parameter as {@code null} (for OAS {@code nullable}
	 * parameters).
	 */
	public boolean isNull(String name) {
		JsonNode node = this.body.get(name);
		return node != null && node.isNull();
	}

	/**
	 * An optional finite number (OAS {@code number}), from a JSON body or a query string.
	 */
	public Double number(String name) {
		if (!isPresent(name)) {
			return null;
		}
		JsonNode node = this.body.get(name);
		double value;
		if (node != null) {
			if (!node.isNumber()) {
				addError(name, "Expected number, received " + typeName(node));
				return null;
			}
			value = node.asDouble();
		}
		else {
			List<String> values = queryValues(name);
			if (values == null || values.size() != 1) {
				addError(name, "Expected number, received array");
				return null;
			}
			try {
				value = Double.parseDouble(values.get(0));
			}
			catch (NumberFormatException ex) {
				addError(name, "Expected number, received nan");
				return null;
			}
		}
		if (!Double.isFinite(value)) {
			addError(name, "Expected number, received nan");
			return null;
		}
		return value;
	}

	/** An optional string; the empty string is allowed. */
	public String string(String name) {
		return readString(name, false);
	}

	/**
	 * The parameter's value if it is a string, without validating anything: for
	 * authentication, which must not report the route's validation errors (the route does
	 * that itself, later).
	 */
	public String peekString(String name) {
		JsonNode node = this.body.get(name);
		if (node != null) {
			return node.isString() ? node.asString() : null;
		}
		List<String> values = queryValues(name);
		return (values != null && values.size() == 1) ? values.get(0) : null;
	}

	/** An optional string of at least one character (OAS {@code minLength: 1}). */
	public String nonEmptyString(String name) {
		return readString(name, true);
	}

	/** A string that must be present and non-empty ({@code Required} otherwise). */
	public String requiredString(String name) {
		if (!isPresent(name)) {
			addError(name, "Required");
			return null;
		}
		return readString(name, true);
	}

	/**
	 * An optional array of strings; {@code key=} in a query string is the empty array.
	 */
	public List<String> stringList(String name) {
		JsonNode node = this.body.get(name);
		if (node != null) {
			if (!node.isArray()) {
				addError(name, "Expected array, received " + typeName(node));
				return null;
			}
			List<String> values = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				if (!element.isString()) {
					addError(name, "Expected string, received " + typeName(element));
					return null;
				}
				values.add(element.asString());
			}
			return checkArray(name, values);
		}
		List<String> raw = queryValues(name);
		if (raw == null) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (String value : raw) {
			for (String part : value.split(",", -1)) {
				if (!part.isEmpty()) {
					values.add(part);
				}
			}
		}
		return checkArray(name, values);
	}

	/**
	 * An optional boolean: a JSON boolean in a body, {@code true/false/1/0/yes/no} in a
	 * query string.
	 */
	public Boolean bool(String name) {
		JsonNode node = this.body.get(name);
		if (node != null) {
			if (!node.isBoolean()) {
				addError(name, "Expected boolean, received " + typeName(node));
				return null;
			}
			return node.asBoolean();
		}
		String value = singleQueryValue(name);
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase()) {
			case "true", "yes", "1", "on" -> Boolean.TRUE;
			case "false", "no", "0", "off" -> Boolean.FALSE;
			default -> {
				addError(name, "Expected boolean, received string");
				yield null;
			}
		};
	}

	/** An optional integer: a JSON number in a body, decimal text in a query string. */
	public Integer integer(String name) {
		JsonNode node = this.body.get(name);
		if (node != null) {
			if (!node.isNumber()) {
				addError(name, "Expected number, received " + typeName(node));
				return null;
			}
			if (!node.canConvertToInt() || node.asDouble() != Math.rint(node.asDouble())) {
				addError(name, "Expected integer, received float");
				return null;
			}
			return node.asInt();
		}
		String value = singleQueryValue(name);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			addError(name, "Expected number, received string");
			return null;
		}
	}

	/**
	 * An optional ISO-8601 date-time with an offset ({@code Invalid datetime} otherwise).
	 */
	public Instant instant(String name) {
		String value = readString(name, false);
		if (value == null) {
			return null;
		}
		try {
			Instant instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
			if (isInDateRange(instant)) {
				return instant;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		addError(name, "Invalid datetime");
		return null;
	}

	/**
	 * The members of an object sent in the query string as dotted keys (BEHAVIOUR 1.6:
	 * {@code custom_metadata_has.foo=bar}), the last value of each; empty when there are
	 * none.
	 */
	public Map<String, String> dottedQueryObject(String name) {
		String prefix = name + ".";
		Map<String, String> members = new LinkedHashMap<>();
		this.query.forEach((key, values) -> {
			if (key.startsWith(prefix) && key.length() > prefix.length() && !values.isEmpty()) {
				members.put(key.substring(prefix.length()), values.get(values.size() - 1));
			}
		});
		return members;
	}

	/** Records a failure of one parameter. */
	public void addError(String name, String message) {
		this.errors.computeIfAbsent(name, (key) -> new ArrayList<>()).add(message);
	}

	/**
	 * Records an error that is reported only when every parameter is valid (a page cursor
	 * issued for other filters: a malformed filter is {@code invalid_input}, not a cursor
	 * mismatch).
	 */
	public void failAfterValidation(ApiException failure) {
		if (this.failureAfterValidation == null) {
			this.failureAfterValidation = failure;
		}
	}

	/**
	 * A member of the JSON body as it was sent, for object-valued parameters
	 * ({@code custom_metadata}); {@code null} when absent or when the request has no
	 * body. The reader has already refused what cannot be stored.
	 */
	public JsonNode jsonMember(String name) {
		return this.body.get(name);
	}

	/**
	 * Records a failure of the parameters as a whole (zod's top-level {@code _errors}).
	 */
	public void addFormError(String message) {
		this.formErrors.add(message);
	}

	/**
	 * Raises 400 {@code invalid_input} if any getter or rule recorded an error. The
	 * message names the first failing parameter as Seam does:
	 * {@code Expected string, received number for "user_identifier_key"}.
	 */
	public void throwIfInvalid() {
		if (this.errors.isEmpty() && this.formErrors.isEmpty()) {
			if (this.failureAfterValidation != null) {
				throw this.failureAfterValidation;
			}
			return;
		}
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("_errors", List.copyOf(this.formErrors));
		this.errors.forEach((name, messages) -> tree.put(name, Map.of("_errors", List.copyOf(messages))));
		String message;
		if (!this.formErrors.isEmpty()) {
			message = this.formErrors.get(0);
		}
		else {
			Map.Entry<String, List<String>> first = this.errors.entrySet().iterator().next();
			String problem = first.getValue().get(0);
			// Seam words a missing parameter "<name> is required", every other failure
			// "<problem> for "<name>"".
			message = "Required".equals(problem) ? first.getKey() + " is required"
					: problem + " for \"" + first.getKey() + "\"";
		}
		throw ApiException.invalidInput(message, tree);
	}

	/**
	 * Whether an instant can be stored and written back the way Seam writes it: years
	 * 0000 to 9999 (zod's {@code datetime()} has four-digit years; PostgreSQL's
	 * {@code timestamptz} ends in 294276).
	 */
	public static boolean isInDateRange(Instant instant) {
		return !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT);
	}

	/**
	 * Why a string cannot be stored ({@code null} when it can): a NUL character or an
	 * unpaired surrogate.
	 */
	static String unstorable(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\0') {
				return "String must not contain NUL characters";
			}
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "String must not contain unpaired surrogates";
			}
		}
		return null;
	}

	/**
	 * 400 {@code invalid_input} for one parameter, as {@link #throwIfInvalid()} words it.
	 */
	public static ApiException invalidParameter(String name, String problem) {
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("_errors", List.of());
		tree.put(name, Map.of("_errors", List.of(problem)));
		return ApiException.invalidInput(problem + " for \"" + name + "\"", tree);
	}

	private String readString(String name, boolean nonEmpty) {
		JsonNode node = this.body.get(name);
		String value;
		if (node != null) {
			if (!node.isString()) {
				addError(name, "Expected string, received " + typeName(node));
				return null;
			}
			value = node.asString();
		}
		else {
			List<String> values = queryValues(name);
			if (values == null) {
				return null;
			}
			if (values.size() > 1) {
				addError(name, "Expected string, received array");
				return null;
			}
			value = values.isEmpty() ? "" : values.get(0);
		}
		if (nonEmpty && value.isEmpty()) {
			addError(name, "String must contain at least 1 character(s)");
			return null;
		}
		if (value.length() > this.limits.maxStringLength()) {
			addError(name, "String must contain at most " + this.limits.maxStringLength() + " character(s)");
			return null;
		}
		return value;
	}

	private List<String> checkArray(String name, List<String> values) {
		if (values.size() > this.limits.maxArrayItems()) {
			addError(name, "Array must contain at most " + this.limits.maxArrayItems() + " element(s)");
			return null;
		}
		for (String value : values) {
			if (value.length() > this.limits.maxStringLength()) {
				addError(name, "String must contain at most " + this.limits.maxStringLength() + " character(s)");
				return null;
			}
		}
		// Ids are a set to Seam; keep the first occurrence's position.
		Set<String> distinct = new LinkedHashSet<>(values);
		return List.copyOf(distinct);
	}

	private List<String> queryValues(String name) {
		List<String> plain = this.query.get(name);
		List<String> brackets = this.query.get(name + "[]");
		if (plain == null && brackets == null) {
			return null;
		}
		List<String> values = new ArrayList<>();
		if (plain != null) {
			values.addAll(plain);
		}
		if (brackets != null) {
			values.addAll(brackets);
		}
		return values;
	}

	private String singleQueryValue(String name) {
		List<String> values = queryValues(name);
		if (values == null) {
			return null;
		}
		if (values.size() != 1) {
			addError(name, "Expected a single value, received array");
			return null;
		}
		return values.get(0);
	}

	static String typeName(JsonNode node) {
		if (node.isNull()) {
			return "null";
		}
		if (node.isArray()) {
			return "array";
		}
		if (node.isObject()) {
			return "object";
		}
		if (node.isNumber()) {
			return "number";
		}
		if (node.isBoolean()) {
			return "boolean";
		}
		return "string";
	}

	record Limits(int maxArrayItems, int maxStringLength) {
	}

}
