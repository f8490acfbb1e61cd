package dev.emulator.seam.support;

import java.sql.SQLException;

/** What the read models and repositories share about PostgreSQL's SQL. */
public final class Sql {

	// PostgreSQL's SQLSTATE for unique_violation.
	private static final String UNIQUE_VIOLATION = "23505";

	private Sql() {
	}

	/**
	 * A {@code LIKE}/{@code ILIKE} pattern matching {@code text} anywhere, its wildcards
	 * escaped with PostgreSQL's default escape character, the backslash.
	 */
	public static String containsPattern(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * Whether {@code failure} was caused by a unique index refusing a row (what
	 * {@code DuplicateKeyException} stands for), as opposed to any other constraint.
	 */
	public static boolean isUniqueViolation(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
