package dev.emulator.seam.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.emulator.seam.support.TokenCipher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import dev.emulator.seam.support.EmulatorProperties;

/**
 * The key that seals client session tokens at rest: {@code SEAM_TOKEN_ENCRYPTION_KEY} (base64 of 16, 24 or 32 bytes)
 * when given, else a key generated once and kept beside the data ({@code <data-dir>/token-encryption.key}, owner-only).
 * Several instances on one database must be given the same key.
 */
@Configuration(proxyBeanMethods = false)
class TokenEncryptionConfig {

	private static final Logger log = LoggerFactory.getLogger(TokenEncryptionConfig.class);

	@Bean
	TokenCipher tokenCipher(EmulatorProperties properties, Environment environment) throws IOException {
		if (properties.tokenEncryptionKey() != null && !properties.tokenEncryptionKey().isBlank()) {
			return new TokenCipher(Base64.getDecoder().decode(properties.tokenEncryptionKey().trim()));
		}
		Path file = properties.dataDir().resolve("token-encryption.key").toAbsolutePath();
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			// A shared database is how several instances run; each would make a key file of its own.
			log.warn("No SEAM_TOKEN_ENCRYPTION_KEY: using the key file {}. Several instances on one database must all "
					+ "be given the same SEAM_TOKEN_ENCRYPTION_KEY", file);
		}
		if (!Files.exists(file)) {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the file keeps the directory's default permissions.
			}
			log.info("Generated a token encryption key in {}", file);
		}
		return new TokenCipher(Base64.getDecoder().decode(Files.readString(file).trim()));
	}

}
