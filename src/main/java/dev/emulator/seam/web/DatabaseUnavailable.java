package dev.emulator.seam.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A failure that means the database cannot be reached (no connection within the pool's timeout, a connection that
 * broke): the client gets 503 {@code service_unavailable}, which it may retry, not a 500 for a bug.
 */
public final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	public static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** Every database connection stayed busy for the pool's whole connection timeout. */
	static ApiException busy() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorTypes.SERVICE_UNAVAILABLE,
				"The server is busy; try again shortly");
	}

	public static ApiException error() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorTypes.SERVICE_UNAVAILABLE,
				"The database is unreachable; try again shortly");
	}

}
