package dev.emulator.seam.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import dev.emulator.seam.support.Hashes;

/**
 * Keyset pagination for Seam's list routes (BEHAVIOUR 6.8): {@code limit} (default and
 * maximum 500) and an opaque {@code page_cursor} that carries the last row's
 * {@code (created_at, id)} and a fingerprint of the filters it was issued for. Reusing a
 * cursor with other filters is 400 {@code mismatched_page_parameters}.
 * <p>
 * Usage: {@code Paging.Request page = Paging.read(params, fingerprint)}, query
 * {@code page.limit() + 1} rows ordered by {@code (created_at, id)} after
 * {@code page.afterCreatedAt()/afterId()} (both null on the first page), then
 * {@code page.result(rows, Row::createdAt, Row::id)}.
 */
public final class Paging {

	public static final int MAX_LIMIT = 500;

	private Paging() {
	}

	/**
	 * Reads {@code limit} and {@code page_cursor}; records validation errors on
	 * {@code params} (the caller calls {@link SeamParams#throwIfInvalid()} as usual).
	 * @param filters the values of every filter of the request, in a fixed order
	 */
	public static Request read(SeamParams params, Object... filters) {
		String fingerprint = Hashes.sha256Hex(java.util.Arrays.deepToString(filters)).substring(0, 16);
		int limit = MAX_LIMIT;
		if (params.isPresent("limit")) {
			Integer parsed = params.integer("limit");
			if (parsed != null) {
				if (parsed < 1) {
					params.addError("limit", "Number must be greater than or equal to 1");
				}
				else if (parsed > MAX_LIMIT) {
					params.addError("limit", "Number must be less than or equal to " + MAX_LIMIT);
				}
				else {
					limit = parsed;
				}
			}
		}
		// OAS: page_cursor is nullable; null or empty asks for the first page, as SDKs
		// send it.
		String cursor = params.isNull("page_cursor") ? null : params.string("page_cursor");
		if (cursor != null && cursor.isEmpty()) {
			cursor = null;
		}
		Instant afterCreatedAt = null;
		String afterId = null;
		if (cursor != null) {
			String[] parts = decode(cursor);
			if (parts == null) {
				params.addError("page_cursor", "Invalid page cursor");
			}
			else {
				if (!parts[0].equals(fingerprint)) {
					params.failAfterValidation(ApiException.badRequest("mismatched_page_parameters",
							"page_cursor was issued for different filters"));
				}
				afterCreatedAt = Instant.parse(parts[1]);
				afterId = parts[2];
			}
		}
		return new Request(limit, afterCreatedAt, afterId, fingerprint);
	}

	private static String[] decode(String cursor) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			String[] parts = decoded.split("\n", 3);
			// A forged cursor must not carry what the database refuses (NUL, an instant
			// beyond year 9999).
			if (parts.length != 3 || SeamParams.unstorable(decoded) != null
					|| !SeamParams.isInDateRange(Instant.parse(parts[1]))) {
				return null;
			}
			return parts;
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			return null;
		}
	}

	/** One page request: fetch {@code limit() + 1} rows after the cursor position. */
	public record Request(int limit, Instant afterCreatedAt, String afterId, String fingerprint) {

		/**
		 * The page of {@code rows} (fetched with {@code limit + 1}) and its pagination
		 * object.
		 */
		public <T> Page<T> result(List<T> rows, Function<T, Instant> createdAt, Function<T, String> id) {
			if (rows.size() <= this.limit) {
				return new Page<>(rows, new Pagination(false, null, null));
			}
			List<T> page = rows.subList(0, this.limit);
			T last = page.get(page.size() - 1);
			String cursor = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((this.fingerprint + "\n" + createdAt.apply(last) + "\n" + id.apply(last))
					.getBytes(StandardCharsets.UTF_8));
			String url = PublicUrl.currentRequest().replaceQueryParam("page_cursor", cursor).build().toUriString();
			return new Page<>(List.copyOf(page), new Pagination(true, cursor, url));
		}

	}

	public record Page<T>(List<T> items, Pagination pagination) {
	}

	/** Seam's {@code pagination} object; every member is always present. */
	public record Pagination(boolean hasNextPage, String nextPageCursor, String nextPageUrl) {
	}

}
