package dev.emulator.seam.support;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link EmulatorProperties} for tests without Spring: bound the way the application
 * binds them, so every setting a test does not name keeps its default (a positional
 * constructor would break with every new setting).
 */
public final class TestProperties {

	private TestProperties() {
	}

	/**
	 * The defaults, with these {@code emulator.*} settings (names without the prefix,
	 * e.g. {@code data-dir}).
	 */
	public static EmulatorProperties emulator(Map<String, String> settings) {
		Map<String, String> prefixed = new java.util.HashMap<>();
		settings.forEach((name, value) -> prefixed.put("emulator." + name, value));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("emulator",
				EmulatorProperties.class);
	}

}
