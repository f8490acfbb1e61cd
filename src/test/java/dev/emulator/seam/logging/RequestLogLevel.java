package dev.emulator.seam.logging;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns the per-request log line on for a test, and back to the level the logging
 * configuration gave it.
 */
final class RequestLogLevel {

	private static LogLevel configured = LogLevel.WARN;

	private static boolean changed;

	private RequestLogLevel() {
	}

	static synchronized void info() {
		LoggingSystem logging = LoggingSystem.get(RequestLogLevel.class.getClassLoader());
		if (!changed) {
			LoggerConfiguration current = logging.getLoggerConfiguration(RequestLogFilter.LOGGER);
			configured = (current != null) ? current.getConfiguredLevel() : null;
			changed = true;
		}
		logging.setLogLevel(RequestLogFilter.LOGGER, LogLevel.INFO);
	}

	static synchronized void configured() {
		if (changed) {
			LoggingSystem.get(RequestLogLevel.class.getClassLoader()).setLogLevel(RequestLogFilter.LOGGER, configured);
			changed = false;
		}
	}

}
