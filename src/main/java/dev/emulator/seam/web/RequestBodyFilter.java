package dev.emulator.seam.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.emulator.seam.support.EmulatorProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's whole body before anything else looks at it, so that the rest of the
 * request (authentication, the database, the route) never waits on the client:
 * <ul>
 * <li>the body must arrive within {@code emulator.body-timeout}
 * ({@code SEAM_BODY_TIMEOUT}) of the first read, else 408 {@code request_timeout} and the
 * connection is closed. A client that sends nothing at all is cut off by the connector's
 * read timeout, set to the same value; one that dribbles a byte now and then, by the
 * deadline checked between reads;</li>
 * <li>it must be UTF-8 (overlong forms, surrogates and stray bytes are refused with 400:
 * a lenient decoder would turn {@code C0 AF} into {@code /});</li>
 * <li>no more than {@code emulator.max-body-bytes} + 1 bytes are read, so the readers
 * downstream still answer 413.</li>
 * </ul>
 * An HTTP/0.9 request (no status line or headers to answer with) gets nothing at all
 * ({@link RequestFramingGuard} closes such a connection before Tomcat parses it; this
 * stays for a connection the guard does not read, TLS). A slow body holds a request
 * thread, not a database connection: {@link DatabaseConcurrencyGate} comes after this.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class RequestBodyFilter extends OncePerRequestFilter {

	static final String REQUEST_TIMEOUT = "request_timeout";

	private final EmulatorProperties properties;

	private final ApiErrorWriter errorWriter;

	private final Duration bodyTimeout;

	RequestBodyFilter(EmulatorProperties properties, ApiErrorWriter errorWriter,
			@Value("${emulator.body-timeout:10s}") Duration bodyTimeout) {
		this.properties = properties;
		this.errorWriter = errorWriter;
		this.bodyTimeout = bodyTimeout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String protocol = request.getProtocol();
		if (protocol == null || protocol.isEmpty() || "HTTP/0.9".equals(protocol)) {
			// An HTTP/0.9 answer has no status line or headers to say anything with:
			// nothing is sent at all.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			dropConnection(request);
			return;
		}
		String transferEncoding = request.getHeader("Transfer-Encoding");
		boolean hasBody = request.getContentLengthLong() > 0 || transferEncoding != null;
		if (!hasBody) {
			chain.doFilter(request, response);
			return;
		}
		int max = this.properties.maxBodyBytes();
		if (request.getContentLengthLong() > max) {
			// Refused downstream with 413 before any byte is read.
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		long started = System.nanoTime();
		try {
			body = readWithin(request.getInputStream(), max + 1, this.bodyTimeout);
		}
		catch (IOException ex) {
			// Tomcat reports its read timeout wrapped or not; what counts is whether the
			// time ran out.
			boolean late = ex instanceof BodyDeadlineException || timedOut(ex)
					|| System.nanoTime() - started >= this.bodyTimeout.toNanos();
			// Not a byte more is read from a client that ran out of time: Tomcat would
			// otherwise swallow the rest of the body, at its pace. A body that broke off
			// has nothing left to read, and its client still reads the 400.
			if (late) {
				dropConnection(request);
			}
			this.errorWriter.write(response,
					late ? new ApiException(HttpStatus.REQUEST_TIMEOUT, REQUEST_TIMEOUT,
							"The request body did not arrive within " + this.bodyTimeout.toSeconds() + " s")
							: ApiException.forContainerStatus(400));
			response.flushBuffer();
			return;
		}
		if (body.length <= max && !isUtf8(body)) {
			this.errorWriter.write(response, ApiException.invalidInput("The request body is not valid UTF-8", null));
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private static byte[] readWithin(InputStream in, int limit, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		byte[] buffer = new byte[Math.min(limit, 8192)];
		int length = 0;
		while (length < limit) {
			if (length == buffer.length) {
				buffer = java.util.Arrays.copyOf(buffer, Math.min(limit, buffer.length * 2));
			}
			int read = in.read(buffer, length, buffer.length - length);
			if (read < 0) {
				break;
			}
			length += read;
			if (System.nanoTime() > deadline && length < limit) {
				// Whatever is still missing came too slowly.
				if (in.available() == 0 && !(in instanceof ServletInputStream servlet && servlet.isFinished())) {
					throw new BodyDeadlineException();
				}
			}
		}
		return java.util.Arrays.copyOf(buffer, length);
	}

	/**
	 * Read by {@link ConnectorConfig}'s valve, which closes the connection without
	 * reading the rest of the body.
	 */
	static final String DROP_CONNECTION = RequestBodyFilter.class.getName() + ".dropConnection";

	private static void dropConnection(HttpServletRequest request) {
		request.setAttribute(DROP_CONNECTION, Boolean.TRUE);
	}

	private static boolean timedOut(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static final class BodyDeadlineException extends IOException {

		BodyDeadlineException() {
			super("request body deadline passed");
		}

	}

	/**
	 * The request with its body already read: every reader downstream gets these bytes.
	 */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		private java.util.Map<String, String[]> parameters;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		/**
		 * The query string's parameters and, for a form
		 * ({@code application/x-www-form-urlencoded}), the form's: the container can no
		 * longer read the form from a body that was read here.
		 */
		@Override
		public java.util.Map<String, String[]> getParameterMap() {
			if (this.parameters == null) {
				java.util.Map<String, java.util.List<String>> merged = new java.util.LinkedHashMap<>();
				super.getParameterMap()
					.forEach((name, values) -> merged.computeIfAbsent(name, (key) -> new java.util.ArrayList<>())
						.addAll(java.util.List.of(values)));
				String type = getContentType();
				if (type != null
						&& type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
					org.springframework.web.util.UriComponentsBuilder
						.fromUriString("?" + new String(this.body, StandardCharsets.ISO_8859_1))
						.build()
						.getQueryParams()
						.forEach((name,
								values) -> values.forEach((value) -> merged
									.computeIfAbsent(decode(name), (key) -> new java.util.ArrayList<>())
									.add((value != null) ? decode(value) : "")));
				}
				java.util.Map<String, String[]> result = new java.util.LinkedHashMap<>();
				merged.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
				this.parameters = java.util.Collections.unmodifiableMap(result);
			}
			return this.parameters;
		}

		@Override
		public String getParameter(String name) {
			String[] values = getParameterMap().get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

		@Override
		public String[] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.enumeration(getParameterMap().keySet());
		}

		private static String decode(String value) {
			try {
				return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return value;
			}
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
