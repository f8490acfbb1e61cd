package dev.emulator.seam.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * For JSON logs ({@code SEAM_LOG_FORMAT=json}): passes every string value of every log
 * line, the message, the stack trace, context and key-value pairs alike, through
 * {@link CredentialMasking}, as the text format's converters do. Masking the values (not
 * the finished line) keeps the JSON valid whatever the patterns match.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, CredentialMasking::mask));
	}

}
