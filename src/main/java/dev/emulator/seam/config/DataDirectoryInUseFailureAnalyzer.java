package dev.emulator.seam.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second server on one data directory: the reason, without the stack trace of the bean
 * that found it.
 */
class DataDirectoryInUseFailureAnalyzer
		extends AbstractFailureAnalyzer<EmbeddedPostgresServer.DataDirectoryInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresServer.DataDirectoryInUseException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Stop the other server, or set SEAM_DATA_DIR to a directory of this server's own.", null);
	}

}
