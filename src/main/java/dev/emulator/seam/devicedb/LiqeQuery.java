package dev.emulator.seam.devicedb;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The part of the Liqe query language (Lucene-like) that {@code liqe_query} of
 * {@code /manufacturers/list} is written in by Seam Components: terms
 * {@code field:value}, {@code field:"phrase"}, {@code field:=value}, bare terms searched
 * in every string, {@code *} wildcards, {@code AND}, {@code OR}, {@code NOT} or
 * {@code -}, adjacency as AND, and parentheses. As in Liqe, an unquoted value matches
 * part of a string ignoring case, a quoted one matches part of it exactly, and
 * {@code true}, {@code false} and numbers match booleans and numbers. Anything else
 * (ranges, comparisons, regular expressions) is a syntax error here (BEHAVIOUR 4.9).
 */
final class LiqeQuery {

	private final String text;

	private int at;

	private LiqeQuery(String text) {
		this.text = text;
	}

	/** The query as a test on a catalogue object; throws {@link SyntaxError}. */
	static Predicate<JsonNode> parse(String query) {
		LiqeQuery parser = new LiqeQuery(query);
		parser.skipSpace();
		if (parser.atEnd()) {
			return (node) -> true;
		}
		Predicate<JsonNode> predicate = parser.or();
		parser.skipSpace();
		if (!parser.atEnd()) {
			throw parser.error("Unexpected \"" + parser.text.charAt(parser.at) + "\"");
		}
		return predicate;
	}

	private Predicate<JsonNode> or() {
		Predicate<JsonNode> left = and();
		while (keyword("OR")) {
			left = left.or(and());
		}
		return left;
	}

	private Predicate<JsonNode> and() {
		Predicate<JsonNode> left = unary();
		while (true) {
			if (keyword("AND")) {
				left = left.and(unary());
				continue;
			}
			skipSpace();
			if (atEnd() || peek() == ')' || lookingAtKeyword("OR")) {
				return left;
			}
			left = left.and(unary());
		}
	}

	private Predicate<JsonNode> unary() {
		if (keyword("NOT")) {
			return unary().negate();
		}
		skipSpace();
		if (!atEnd() && peek() == '-') {
			this.at++;
			return unary().negate();
		}
		return primary();
	}

	private Predicate<JsonNode> primary() {
		skipSpace();
		if (atEnd()) {
			throw error("Unexpected end of query");
		}
		if (peek() == '(') {
			this.at++;
			Predicate<JsonNode> inner = or();
			skipSpace();
			if (atEnd() || peek() != ')') {
				throw error("Missing closing parenthesis");
			}
			this.at++;
			return inner;
		}
		int start = this.at;
		String field = null;
		while (!atEnd() && isFieldChar(peek())) {
			this.at++;
		}
		if (this.at > start && !atEnd() && peek() == ':') {
			field = this.text.substring(start, this.at);
			this.at++;
		}
		else {
			this.at = start;
		}
		boolean exact = false;
		if (field != null && !atEnd() && peek() == '=') {
			exact = true;
			this.at++;
		}
		if (atEnd()) {
			throw error("Expected a value");
		}
		char first = peek();
		if (first == '"' || first == '\'') {
			return term(field, quoted(first), true, exact);
		}
		if (first == '<' || first == '>' || first == '[' || first == '{' || first == '/') {
			throw error("Unsupported expression at \"" + first + "\"");
		}
		int valueStart = this.at;
		while (!atEnd() && !Character.isWhitespace(peek()) && peek() != '(' && peek() != ')' && peek() != '"'
				&& peek() != '\'') {
			this.at++;
		}
		if (this.at == valueStart) {
			throw error("Expected a value");
		}
		return term(field, this.text.substring(valueStart, this.at), false, exact);
	}

	private String quoted(char quote) {
		this.at++;
		StringBuilder value = new StringBuilder();
		while (!atEnd() && peek() != quote) {
			char c = this.text.charAt(this.at++);
			if (c == '\\' && !atEnd()) {
				c = this.text.charAt(this.at++);
			}
			value.append(c);
		}
		if (atEnd()) {
			throw error("Unterminated quoted value");
		}
		this.at++;
		return value.toString();
	}

	private static Predicate<JsonNode> term(String field, String value, boolean quoted, boolean exact) {
		Predicate<JsonNode> matches = valueMatcher(value, quoted, exact);
		if (field == null) {
			return (node) -> anyValue(node, matches);
		}
		String[] path = field.split("\\.");
		return (node) -> {
			JsonNode current = node;
			for (String step : path) {
				current = (current == null) ? null : current.get(step);
			}
			if (current == null) {
				return false;
			}
			if (current.isArray()) {
				for (JsonNode element : current) {
					if (matches.test(element)) {
						return true;
					}
				}
				return false;
			}
			return matches.test(current);
		};
	}

	private static boolean anyValue(JsonNode node, Predicate<JsonNode> matches) {
		if (node.isObject() || node.isArray()) {
			for (JsonNode child : node) {
				if (anyValue(child, matches)) {
					return true;
				}
			}
			return false;
		}
		return node.isString() && matches.test(node);
	}

	private static Predicate<JsonNode> valueMatcher(String value, boolean quoted, boolean exact) {
		if (!quoted && ("true".equals(value) || "false".equals(value))) {
			boolean wanted = Boolean.parseBoolean(value);
			return (node) -> node.isBoolean() ? node.asBoolean() == wanted : stringMatch(node, value, false, exact);
		}
		if (!quoted && value.matches("-?\\d+(\\.\\d+)?")) {
			double wanted = Double.parseDouble(value);
			return (node) -> node.isNumber() ? node.asDouble() == wanted : stringMatch(node, value, false, exact);
		}
		if (!quoted && value.contains("*")) {
			StringBuilder regex = new StringBuilder(exact ? "" : ".*");
			for (String part : value.split("\\*", -1)) {
				regex.append(Pattern.quote(part)).append(".*");
			}
			regex.setLength(regex.length() - 2);
			if (!exact) {
				regex.append(".*");
			}
			Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
			return (node) -> node.isString() && pattern.matcher(node.asString()).matches();
		}
		return (node) -> stringMatch(node, value, !quoted, exact);
	}

	private static boolean stringMatch(JsonNode node, String value, boolean ignoreCase, boolean exact) {
		if (!node.isString()) {
			return false;
		}
		String candidate = node.asString();
		if (ignoreCase) {
			candidate = candidate.toLowerCase(Locale.ROOT);
			value = value.toLowerCase(Locale.ROOT);
		}
		return exact ? candidate.equals(value) : candidate.contains(value);
	}

	private boolean keyword(String word) {
		skipSpace();
		if (lookingAtKeyword(word)) {
			this.at += word.length();
			return true;
		}
		return false;
	}

	private boolean lookingAtKeyword(String word) {
		if (!this.text.startsWith(word, this.at)) {
			return false;
		}
		int end = this.at + word.length();
		return end == this.text.length() || Character.isWhitespace(this.text.charAt(end))
				|| this.text.charAt(end) == '(';
	}

	private static boolean isFieldChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.';
	}

	private void skipSpace() {
		while (!atEnd() && Character.isWhitespace(peek())) {
			this.at++;
		}
	}

	private boolean atEnd() {
		return this.at >= this.text.length();
	}

	private char peek() {
		return this.text.charAt(this.at);
	}

	private SyntaxError error(String problem) {
		return new SyntaxError(problem + " at position " + this.at + " of liqe_query");
	}

	/** A query this parser cannot read. */
	static final class SyntaxError extends RuntimeException {

		SyntaxError(String message) {
			super(message);
		}

	}

}
