package dev.emulator.seam.startup;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting that cannot be bound or fails validation stops the start with one line that
 * names the environment variable a user sets ({@code SEAM_ADMIN_TOKEN}, not
 * {@code emulator.adminToken}) and what is wrong, instead of Spring Boot's property /
 * value / origin block. A secret's value (API key, admin token, encryption key, password)
 * is never shown; other values are, since they help.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConfigurationFailureAnalyzer implements FailureAnalyzer {

	/** The short names application.yml maps onto {@code emulator.*}. */
	private static final Map<String, String> ALIASES = Map.of("emulator.seed", "SEAM_SEED", "emulator.data-dir",
			"SEAM_DATA_DIR", "emulator.api-key", "SEAM_API_KEY", "emulator.client-session-lifetime",
			"SEAM_CLIENT_SESSION_LIFETIME", "emulator.token-encryption-key", "SEAM_TOKEN_ENCRYPTION_KEY",
			"emulator.admin-token", "SEAM_ADMIN_TOKEN", "emulator.rate-limit.enabled", "SEAM_RATE_LIMIT_ENABLED",
			"server.port", "SERVER_PORT");

	private static final Pattern SECRET = Pattern.compile("(?i).*(token|key|password|secret|credential).*");

	private final Environment environment;

	/**
	 * Spring Boot passes the application's environment, in which a value is shown as
	 * resolved.
	 */
	public ConfigurationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		BindValidationException invalid = find(failure, BindValidationException.class);
		if (invalid != null) {
			return analyze(invalid);
		}
		BindException unbound = find(failure, BindException.class);
		return (unbound != null) ? analyze(unbound) : null;
	}

	private FailureAnalysis analyze(BindValidationException failure) {
		ConfigurationPropertyName prefix = failure.getValidationErrors().getName();
		String description = failure.getValidationErrors()
			.getAllErrors()
			.stream()
			.map((error) -> describe(prefix, error))
			.collect(Collectors.joining("; "));
		return new FailureAnalysis("Invalid configuration: " + description + ".",
				"Correct the setting named above, or unset it to use the default (see README, Configuration).",
				failure);
	}

	private static String describe(ConfigurationPropertyName prefix, ObjectError error) {
		if (!(error instanceof FieldError field)) {
			return prefix + " " + error.getDefaultMessage();
		}
		String property = prefix + "." + dashed(field.getField());
		String value = SECRET.matcher(property).matches() ? "" : valueOf(field.getRejectedValue());
		return setting(property) + value + " " + field.getDefaultMessage();
	}

	private FailureAnalysis analyze(BindException failure) {
		String property = failure.getName().toString();
		Object value = resolved(property, (failure.getProperty() != null) ? failure.getProperty().getValue() : null);
		String shown = SECRET.matcher(property).matches() ? "" : valueOf(value);
		String type = failure.getTarget().getType().resolve(Object.class).getSimpleName();
		return new FailureAnalysis(
				"Invalid configuration: " + setting(property) + shown + " cannot be read as " + article(type) + ".",
				"Correct the setting named above, or unset it to use the default (see README, Configuration).",
				failure);
	}

	/**
	 * {@code SEAM_ADMIN_TOKEN (emulator.admin-token)}, or the relaxed environment
	 * variable name.
	 */
	static String setting(String property) {
		String variable = ALIASES.getOrDefault(property,
				property.toUpperCase(Locale.ROOT)
					.replace(".", "_")
					.replace("-", "")
					.replace("[", "_")
					.replace("]", ""));
		return variable + " (" + property + ")";
	}

	/**
	 * The value as the application saw it: application.yml's {@code ${SEAM_...:default}}
	 * resolved.
	 */
	private Object resolved(String property, Object raw) {
		if (this.environment == null || !(raw instanceof String text) || !text.contains("${")) {
			return raw;
		}
		try {
			return this.environment.resolvePlaceholders(text);
		}
		catch (RuntimeException ex) {
			return raw;
		}
	}

	private static String valueOf(Object value) {
		return (value != null) ? " = \"" + value + "\"" : "";
	}

	private static String article(String type) {
		return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
	}

	private static String dashed(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

}
