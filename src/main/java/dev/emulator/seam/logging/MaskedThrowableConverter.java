package dev.emulator.seam.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} (stack traces) with credentials masked: exception messages
 * can quote input.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return CredentialMasking.mask(super.convert(event));
	}

}
