package dev.emulator.seam.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A failure that means the database cannot be reached (no connection within the pool's
 * timeout, a connection that broke): the client gets 503 {@code service_unavailable},
 * which it may retry, not a 500 for a bug.
 */
public final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	public static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
					|| (cause instanceof SQLException sql && isConnectionState(sql.getSQLState()))) {
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

	/**
	 * Class 08 (connection exception), and 57P01-57P03 (the server shutting down,
	 * crashed, or not yet accepting connections): the driver reports a closed connection
	 * or a dying server with these, not with the JDBC subclasses.
	 */
	private static boolean isConnectionState(String state) {
		return state != null
				&& (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
	}

	public static ApiException error() {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorTypes.SERVICE_UNAVAILABLE,
				"The database is unreachable; try again shortly");
	}

}
