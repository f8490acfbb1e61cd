/**
 * Logging support: no credential ever reaches a log line. Every message passes through
 * {@link dev.emulator.seam.logging.CredentialMasking} on its way out (registered in
 * {@code logback-text.xml} and, for JSON, by
 * {@link dev.emulator.seam.logging.MaskingJsonMembersCustomizer}).
 */
package dev.emulator.seam.logging;
