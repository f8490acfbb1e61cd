package dev.emulator.seam.web;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows the bytes of one HTTP/1.x connection as they arrive, before Tomcat parses them,
 * and stops the three request shapes that Tomcat accepts but that a proxy in front may
 * read differently (request smuggling; BEHAVIOUR 8.3):
 * <ul>
 * <li>a field line starting with a space or a tab (obsolete line folding): Tomcat joins
 * it to the line before;</li>
 * <li>{@code Transfer-Encoding} together with {@code Content-Length}: Tomcat drops the
 * length and reads the body as chunked;</li>
 * <li>an HTTP/0.9 request line (no version): Tomcat would serve it without status line or
 * headers.</li>
 * </ul>
 * The first two are turned into a header line Tomcat itself refuses, by changing one byte
 * of the offending line before Tomcat sees it: the space that starts a folded line
 * becomes {@code :} (an empty field name), the colon after the second of the two framing
 * headers becomes a space. Tomcat then answers 400 as for any malformed header (in Seam's
 * envelope, {@link EnvelopeErrorReportValve}) and closes the connection; no filter or
 * route runs. An HTTP/0.9 request line closes the connection unanswered ({@link #inspect}
 * cuts the bytes off where that request starts).
 * <p>
 * Tomcat 11 has no setting for any of this (it normalises both before any valve or filter
 * can see them: the {@code Content-Length} header is removed, the folded line is copied
 * over in its buffer), so the connection's bytes are read here. To find where the next
 * request on a kept-alive connection starts, bodies are skipped by the same rules Tomcat
 * frames them with ({@code Content-Length}, or {@code chunked} with extensions and
 * trailers). Where those rules fail, Tomcat answers with a status that closes the
 * connection (400, 501), so the guard stops looking at that connection.
 * <p>
 * The guard remembers what it made Tomcat refuse ({@link #refusal}), so that the 400 says
 * so rather than that something in the request was malformed.
 */
final class RequestFramingGuard {

	/**
	 * A request the guard made Tomcat refuse, with the message of its 400 (BEHAVIOUR
	 * 8.3), which names the framing and never quotes a header's value.
	 */
	enum Refusal {

		BOTH_FRAMINGS("The request has both Transfer-Encoding and Content-Length; send one"),

		FOLDED_LINE("A header line starts with a space or a tab (obsolete line folding); send each header on "
				+ "one line");

		private final String message;

		Refusal(String message) {
			this.message = message;
		}

		String message() {
			return this.message;
		}

	}

	private static final byte CR = '\r';

	private static final byte LF = '\n';

	private static final byte SP = ' ';

	private static final byte HT = '\t';

	/** Longest field name that matters here ({@code transfer-encoding}), plus one. */
	private static final int NAME_LIMIT = 18;

	/** Longest coding name kept ({@code chunked}), plus one. */
	private static final int CODING_LIMIT = 8;

	private enum State {

		/** Before a request line; empty lines are skipped, as Tomcat does. */
		MESSAGE_START,
		/** In the request line. */
		REQUEST_LINE,
		/** At the start of a field line (headers, or trailers after a chunked body). */
		FIELD_START,
		/** After a CR at the start of a field line. */
		FIELD_START_CR,
		/** In a field name. */
		FIELD_NAME,
		/** In a field value. */
		FIELD_VALUE,
		/** In a body of known length. */
		BODY,
		/** In a chunk-size line. */
		CHUNK_SIZE,
		/** In a chunk extension. */
		CHUNK_EXTENSION,
		/** In a chunk's data. */
		CHUNK_DATA,
		/** The CRLF after a chunk's data. */
		CHUNK_DATA_END,
		/**
		 * Tomcat refuses this message and closes the connection: nothing more to check.
		 */
		PASS_THROUGH,
		/** The connection is being closed without an answer. */
		CLOSED

	}

	private State state = State.MESSAGE_START;

	private int requestLineSpaces;

	/** Where the current request line started in the current buffer, or -1. */
	private int requestLineStart;

	private boolean inTrailers;

	private final StringBuilder name = new StringBuilder(NAME_LIMIT);

	/** The value being read is a framing value (0 none, 1 length, 2 codings). */
	private int capturing;

	private int contentLengthCount;

	/** The length read so far; -1 when it is not a number Tomcat accepts. */
	private long contentLength;

	private int contentLengthDigits;

	private boolean contentLengthDone;

	private boolean transferEncoding;

	/** The codings named in every {@code Transfer-Encoding} line so far. */
	private int codings;

	/** The last coding, or the start of it (up to {@value #CODING_LIMIT} characters). */
	private final StringBuilder coding = new StringBuilder(CODING_LIMIT);

	private boolean codingLong;

	private boolean codingChunked;

	private long remaining;

	private int chunkSizeDigits;

	private Refusal refusal;

	/**
	 * How the line the guard changed starts after the change, lower case: Tomcat quotes
	 * the line it refuses, so a refusal is told apart from another 400 on the connection.
	 */
	private String refusedLine;

	/** A new connection (Tomcat reuses its channels). */
	void reset() {
		this.state = State.MESSAGE_START;
		this.refusal = null;
		this.refusedLine = null;
		startMessage();
	}

	/**
	 * Why Tomcat refused the request, when the guard made it: {@code tomcatsError} is
	 * Tomcat's error for this connection's 400 ({@code jakarta.servlet.error.exception}),
	 * which quotes the refused header line. Empty when the guard changed nothing on this
	 * connection, or when Tomcat refused another line (an earlier request read together
	 * with the one the guard changed).
	 */
	Optional<Refusal> refusal(Throwable tomcatsError) {
		if (this.refusal == null || tomcatsError == null || tomcatsError.getMessage() == null) {
			return Optional.empty();
		}
		String quoted = tomcatsError.getMessage().toLowerCase(Locale.ROOT);
		return quoted.contains("[" + this.refusedLine) ? Optional.of(this.refusal) : Optional.empty();
	}

	/**
	 * Reads the bytes {@code [from, to)} of {@code buffer}, which have just arrived, and
	 * may change one of them as described above.
	 * @return {@code to} when every byte may go on to Tomcat; otherwise where the bytes
	 * to hand on end (the connection is closing, and every later call returns
	 * {@code from})
	 */
	int inspect(ByteBuffer buffer, int from, int to) {
		this.requestLineStart = (this.state == State.REQUEST_LINE) ? from : -1;
		int i = from;
		while (i < to) {
			switch (this.state) {
				case PASS_THROUGH -> {
					return to;
				}
				case CLOSED -> {
					return from;
				}
				case BODY, CHUNK_DATA -> {
					long skip = Math.min(this.remaining, to - i);
					this.remaining -= skip;
					i += (int) skip;
					if (this.remaining == 0) {
						this.state = (this.state == State.BODY) ? State.MESSAGE_START : State.CHUNK_DATA_END;
					}
				}
				default -> {
					byte b = buffer.get(i);
					if (!next(buffer, i, b)) {
						return Math.max(from, this.requestLineStart);
					}
					i++;
				}
			}
		}
		return to;
	}

	/** One byte outside bodies; false when the connection is to close. */
	private boolean next(ByteBuffer buffer, int at, byte b) {
		switch (this.state) {
			case MESSAGE_START -> {
				if (b != CR && b != LF) {
					startMessage();
					this.requestLineStart = at;
					this.state = State.REQUEST_LINE;
					requestLine(b);
				}
			}
			case REQUEST_LINE -> {
				return requestLine(b);
			}
			case FIELD_START -> fieldStart(buffer, at, b);
			case FIELD_START_CR -> {
				if (b == LF) {
					endOfSection();
				}
				else {
					this.state = State.PASS_THROUGH;
				}
			}
			case FIELD_NAME -> fieldName(buffer, at, b);
			case FIELD_VALUE -> fieldValue(b);
			case CHUNK_SIZE -> chunkSize(b);
			case CHUNK_EXTENSION -> {
				if (b == LF) {
					endOfChunkSize();
				}
			}
			case CHUNK_DATA_END -> {
				if (b == LF) {
					this.state = State.CHUNK_SIZE;
					this.remaining = 0;
					this.chunkSizeDigits = 0;
				}
				else if (b != CR) {
					this.state = State.PASS_THROUGH;
				}
			}
			default -> {
			}
		}
		return true;
	}

	private boolean requestLine(byte b) {
		if (b == SP) {
			this.requestLineSpaces++;
		}
		else if (b == LF) {
			if (this.requestLineSpaces < 2) {
				// HTTP/0.9: method and target, no version.
				this.state = State.CLOSED;
				return false;
			}
			this.state = State.FIELD_START;
		}
		return true;
	}

	private void fieldStart(ByteBuffer buffer, int at, byte b) {
		if (b == CR) {
			this.state = State.FIELD_START_CR;
		}
		else if (b == LF) {
			endOfSection();
		}
		else if (b == SP || b == HT) {
			// Obsolete line folding (or white space before the first field). An empty
			// field name is one Tomcat refuses; the line's content stays out of the log
			// message, which quotes only a refused line's name.
			buffer.put(at, (byte) ':');
			this.state = State.PASS_THROUGH;
			this.refusal = Refusal.FOLDED_LINE;
			this.refusedLine = ":";
		}
		else {
			this.name.setLength(0);
			this.state = State.FIELD_NAME;
			fieldName(buffer, at, b);
		}
	}

	private void fieldName(ByteBuffer buffer, int at, byte b) {
		if (b == ':') {
			this.capturing = 0;
			if (!this.inTrailers) {
				String field = this.name.toString();
				if ("content-length".equals(field)) {
					this.contentLengthCount++;
					this.contentLength = 0;
					this.contentLengthDigits = 0;
					this.contentLengthDone = false;
					this.capturing = 1;
				}
				else if ("transfer-encoding".equals(field)) {
					this.transferEncoding = true;
					this.capturing = 2;
					startCoding();
				}
				if (this.contentLengthCount > 0 && this.transferEncoding) {
					// Both framings: a name without its colon is a line Tomcat refuses.
					buffer.put(at, SP);
					this.state = State.PASS_THROUGH;
					this.refusal = Refusal.BOTH_FRAMINGS;
					this.refusedLine = field + " ";
					return;
				}
			}
			this.state = State.FIELD_VALUE;
		}
		else if (!isToken(b)) {
			// A line without a colon, or a name with a character that is not a token
			// character: Tomcat refuses it (400) and closes the connection.
			this.state = State.PASS_THROUGH;
		}
		else if (this.name.length() < NAME_LIMIT) {
			this.name.append(lower(b));
		}
	}

	private void fieldValue(byte b) {
		if (b == LF) {
			if (this.capturing == 2) {
				endCoding();
			}
			this.state = State.FIELD_START;
		}
		else if (b == CR) {
			// Part of the line's end; a CR anywhere else is refused by Tomcat.
		}
		else if (this.capturing == 1) {
			contentLengthByte(b);
		}
		else if (this.capturing == 2) {
			codingByte(b);
		}
	}

	/** {@code OWS 1*DIGIT OWS}; anything else makes Tomcat answer 400. */
	private void contentLengthByte(byte b) {
		if (b == SP || b == HT) {
			this.contentLengthDone = this.contentLengthDigits > 0;
		}
		else if (b >= '0' && b <= '9' && !this.contentLengthDone && this.contentLength >= 0
				&& this.contentLengthDigits < 18) {
			this.contentLength = this.contentLength * 10 + (b - '0');
			this.contentLengthDigits++;
		}
		else {
			this.contentLength = -1;
		}
	}

	/**
	 * A comma-separated list of codings, with optional white space and empty elements.
	 */
	private void codingByte(byte b) {
		if (b == ',') {
			endCoding();
			startCoding();
		}
		else if (b != SP && b != HT) {
			if (this.coding.length() < CODING_LIMIT) {
				this.coding.append(lower(b));
			}
			else {
				this.codingLong = true;
			}
		}
	}

	private void startCoding() {
		this.coding.setLength(0);
		this.codingLong = false;
	}

	private void endCoding() {
		if (this.coding.length() > 0) {
			this.codings++;
			this.codingChunked = !this.codingLong && "chunked".contentEquals(this.coding);
		}
		startCoding();
	}

	/** The empty line after the headers or after the trailers. */
	private void endOfSection() {
		if (this.inTrailers) {
			this.state = State.MESSAGE_START;
			return;
		}
		if (this.transferEncoding) {
			// Tomcat accepts one coding, chunked; anything else is 400 or 501, and the
			// connection closes.
			this.state = (this.codings == 1 && this.codingChunked) ? State.CHUNK_SIZE : State.PASS_THROUGH;
			this.remaining = 0;
			this.chunkSizeDigits = 0;
			return;
		}
		if (this.contentLengthCount == 0) {
			this.state = State.MESSAGE_START;
		}
		else if (this.contentLengthCount > 1 || this.contentLength < 0 || this.contentLengthDigits == 0) {
			// Tomcat refuses a repeated or malformed length (400).
			this.state = State.PASS_THROUGH;
		}
		else if (this.contentLength == 0) {
			this.state = State.MESSAGE_START;
		}
		else {
			this.remaining = this.contentLength;
			this.state = State.BODY;
		}
	}

	private void chunkSize(byte b) {
		int digit = Character.digit(b, 16);
		if (digit >= 0 && this.chunkSizeDigits < 8) {
			this.remaining = (this.remaining << 4) | digit;
			this.chunkSizeDigits++;
		}
		else if (b == ';') {
			this.state = State.CHUNK_EXTENSION;
		}
		else if (b == LF) {
			endOfChunkSize();
		}
		else if (b != CR) {
			this.state = State.PASS_THROUGH;
		}
	}

	private void endOfChunkSize() {
		if (this.chunkSizeDigits == 0) {
			this.state = State.PASS_THROUGH;
		}
		else if (this.remaining == 0) {
			this.inTrailers = true;
			this.state = State.FIELD_START;
		}
		else {
			this.state = State.CHUNK_DATA;
		}
	}

	private void startMessage() {
		this.requestLineSpaces = 0;
		this.inTrailers = false;
		this.capturing = 0;
		this.contentLengthCount = 0;
		this.contentLength = 0;
		this.contentLengthDigits = 0;
		this.transferEncoding = false;
		this.codings = 0;
		this.codingChunked = false;
		startCoding();
		this.remaining = 0;
		this.chunkSizeDigits = 0;
	}

	/** RFC 9110's tchar, as Tomcat checks field names. */
	private static boolean isToken(byte b) {
		if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
			return true;
		}
		return b > 0 && "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
	}

	private static char lower(byte b) {
		return Character.toLowerCase((char) (b & 0xff));
	}

	@Override
	public String toString() {
		return "RequestFramingGuard[" + this.state.name().toLowerCase(Locale.ROOT) + "]";
	}

}
