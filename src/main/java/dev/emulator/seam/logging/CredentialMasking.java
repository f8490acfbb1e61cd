package dev.emulator.seam.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like a Seam credential: tokens with Seam's prefixes
 * ({@code seam_cst…}, {@code seam_at…}, {@code seam_pk…}, API keys {@code seam_…}),
 * bearer values and JWTs. The prefix and four characters stay, so that a log reader can
 * still tell which kind of credential it was.
 */
public final class CredentialMasking {

	private static final Pattern SEAM_TOKEN = Pattern
		.compile("\\b(seam_[a-z]{2,}\\d?)([A-Za-z0-9_\\-]{4})[A-Za-z0-9_\\-]*");

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");

	private static final Pattern JWT = Pattern
		.compile("\\bey[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*");

	/**
	 * Tomcat quotes a header line it refuses ("The HTTP header line [name: value] does
	 * not conform..."): whatever the header, only its name stays.
	 */
	private static final Pattern HEADER_LINE = Pattern.compile("(?i)(header line \\[)([^:\\]]*)(:?)[^\\]]*(\\])");

	/**
	 * {@code name: value} or {@code name=value} where the name says it carries a secret,
	 * whatever the value looks like.
	 */
	private static final Pattern SECRET_HEADER = Pattern
		.compile("(?i)\\b((?:proxy-)?authorization|(?:set-)?cookie|[a-z0-9_-]*(?:token|secret|password|api-key|apikey|"
				+ "publishable-key))(\\s*[:=]\\s*)(?!\\*\\*\\*|bearer\\s)[^\\s,;\\]\\[\"']+");

	private CredentialMasking() {
	}

	public static String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String lower = text.toLowerCase();
		boolean headerShaped = lower.contains("header line") || lower.contains("token") || lower.contains("authoriz")
				|| lower.contains("cookie") || lower.contains("secret") || lower.contains("password")
				|| lower.contains("-key");
		if (!headerShaped && text.indexOf("seam_") < 0 && text.indexOf("ey") < 0 && lower.indexOf("bearer") < 0) {
			return text;
		}
		String masked = BEARER.matcher(text).replaceAll("$1***");
		if (headerShaped) {
			masked = HEADER_LINE.matcher(masked).replaceAll("$1$2$3 ***$4");
			masked = SECRET_HEADER.matcher(masked).replaceAll("$1$2***");
		}
		masked = JWT.matcher(masked).replaceAll("ey***");
		Matcher matcher = SEAM_TOKEN.matcher(masked);
		return matcher.replaceAll("$1$2***");
	}

}
