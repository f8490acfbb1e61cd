package dev.emulator.seam.support;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.json.JsonWriter;
import org.springframework.core.env.Environment;

/**
 * A secret the user must see exactly once (the API key generated at the first start). It
 * goes straight to the console, not through the logger, because log lines never carry
 * credentials (they are masked). With {@code SEAM_LOG_FORMAT=json} it is one JSON object
 * on one line, with Logstash's field names like every other line, so that a log pipeline
 * parses it too; otherwise it is a box of text that stands out.
 */
public final class ShownOnce {

	private ShownOnce() {
	}

	/**
	 * @param field the JSON member that holds the secret, e.g. {@code api_key}
	 */
	public static void print(Environment environment, PrintStream out, Class<?> source, String title, String field,
			String secret) {
		if ("json".equalsIgnoreCase(environment.getProperty("SEAM_LOG_FORMAT", "text").strip())) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("@timestamp", Instant.now().toString());
			line.put("@version", "1");
			line.put("message", title);
			line.put("logger_name", source.getName());
			line.put("thread_name", Thread.currentThread().getName());
			line.put("level", "WARN");
			line.put("level_value", 30000);
			line.put(field, secret);
			out.println(JsonWriter.<Map<String, Object>>standard().writeToString(line));
		}
		else {
			out.printf(
					"%n=============================================================================%n"
							+ "  %s:%n      %s%n"
							+ "=============================================================================%n%n",
					title, secret);
		}
		out.flush();
	}

}
