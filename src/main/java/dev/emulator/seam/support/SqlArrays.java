package dev.emulator.seam.support;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Reads PostgreSQL {@code text[]} columns. */
public final class SqlArrays {

	private SqlArrays() {
	}

	/**
	 * The column's strings in their stored order, unmodifiable; an empty list for SQL
	 * {@code null}.
	 */
	public static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? Collections.unmodifiableList(Arrays.asList((String[]) array.getArray())) : List.of();
	}

}
