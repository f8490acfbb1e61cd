package dev.emulator.seam.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JacksonConfig {

	// Seam's timestamps are JavaScript's toISOString(): always milliseconds, always "Z".
	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	@Bean
	JacksonModule seamInstantModule() {
		SimpleModule module = new SimpleModule("seam-instants");
		module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
			@Override
			public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(ISO_MILLIS.format(value));
			}
		});
		return module;
	}

}
