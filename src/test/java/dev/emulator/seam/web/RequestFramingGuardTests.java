package dev.emulator.seam.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard on its own: bytes in, the bytes Tomcat gets out. A refused request is one
 * Tomcat answers 400 itself (a field line it refuses); an HTTP/0.9 request line is cut
 * off. Every case is also fed one byte at a time, as a slow client sends it.
 */
class RequestFramingGuardTests {

	private static final String GET = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";

	@Test
	void inspectWhenOrdinaryRequestsThenUnchanged() {
		for (String stream : new String[] { GET + GET,
				"PUT /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}" + GET,
				"PUT /a HTTP/1.1\r\nHost: x\r\ntransfer-encoding:  chunked \r\n\r\n2;ext=1\r\n{}\r\n0\r\nX-T: 1\r\n\r\n"
						+ GET,
				"\r\n" + GET, "GET / HTTP/1.0\r\n\r\n" }) {
			assertThat(whole(stream)).as(stream).isEqualTo(stream);
			assertThat(byteByByte(stream)).as(stream).isEqualTo(stream);
		}
	}

	@Test
	void inspectWhenHeaderFoldedThenLineTomcatRefuses() {
		String folded = "GET /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n chunked\r\n\r\n";
		String expected = "GET /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n:chunked\r\n\r\n";
		assertThat(whole(folded)).isEqualTo(expected);
		assertThat(byteByByte(folded)).isEqualTo(expected);
		assertThat(whole("GET /a HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\t2\r\n\r\n")).contains("\r\n:2\r\n");
	}

	@Test
	void inspectWhenHeaderFoldedInALaterRequestThenThatRequestRefused() {
		String stream = "PUT /a HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n\r\n folded" + GET
				+ "GET /b HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n";
		String guarded = whole(stream);
		// The body's own "\r\n folded" is data, left alone; the header after is not.
		assertThat(guarded).startsWith("PUT /a HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n\r\n folded" + GET)
			.endsWith("X-A: 1\r\n:2\r\n\r\n");
		assertThat(byteByByte(stream)).isEqualTo(guarded);
	}

	@Test
	void inspectWhenBothTransferEncodingAndContentLengthThenLineTomcatRefuses() {
		assertThat(whole("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"))
			.contains("\r\nContent-Length  5\r\n");
		assertThat(byteByByte("POST /a HTTP/1.1\r\nContent-length: 5\r\nHost: x\r\ntransfer-encoding: chunked\r\n\r\n"))
			.contains("\r\ntransfer-encoding  chunked\r\n");
	}

	@Test
	void refusalWhenTheGuardChangedTheLineTomcatQuotesThenItsReason() {
		RequestFramingGuard both = new RequestFramingGuard();
		feed(both, "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n");
		assertThat(both.refusal(tomcatRefused("content-length  5")))
			.contains(RequestFramingGuard.Refusal.BOTH_FRAMINGS);
		assertThat(RequestFramingGuard.Refusal.BOTH_FRAMINGS.message())
			.isEqualTo("The request has both Transfer-Encoding and Content-Length; send one");
		RequestFramingGuard folded = new RequestFramingGuard();
		feed(folded, "GET /a HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\tsecret\r\n\r\n");
		assertThat(folded.refusal(tomcatRefused(":secret"))).contains(RequestFramingGuard.Refusal.FOLDED_LINE);
		assertThat(RequestFramingGuard.Refusal.FOLDED_LINE.message()).contains("obsolete line folding")
			.doesNotContain("secret");
	}

	@Test
	void refusalWhenTomcatRefusedAnotherLineOrNothingWasChangedThenEmpty() {
		RequestFramingGuard guard = new RequestFramingGuard();
		feed(guard, GET);
		assertThat(guard.refusal(tomcatRefused("x-a: 1"))).isEmpty();
		feed(guard, "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n");
		// An earlier request that Tomcat refused for a line of its own.
		assertThat(guard.refusal(tomcatRefused("x-note: a0x01b"))).isEmpty();
		assertThat(guard.refusal(null)).isEmpty();
		guard.reset();
		assertThat(guard.refusal(tomcatRefused("content-length  5"))).isEmpty();
	}

	@Test
	void inspectWhenChunkedBodyThenNextRequestStillChecked() {
		String stream = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "5\r\nContent-Length: 1\r\n0\r\n\r\n"
				+ "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n";
		// Wrong: "5" does not cover the data, so the data is read as the next chunk size;
		// Tomcat refuses that (400) and closes, and the guard stops there.
		assertThat(whole(stream)).isEqualTo(stream);
		String framed = "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ "11\r\nContent-Length: 1\r\n0\r\n\r\n"
				+ "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n";
		assertThat(whole(framed)).startsWith(framed.substring(0, framed.indexOf("POST /b")))
			.endsWith("Content-Length  1\r\n\r\n");
	}

	@Test
	void inspectWhenFramingTomcatRefusesThenLeftToTomcat() {
		// Tomcat answers these itself (400 or 501) and closes the connection, so the
		// guard changes nothing and stops following it.
		for (String stream : new String[] {
				"PUT /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n{" + GET,
				"PUT /a HTTP/1.1\r\nHost: x\r\nContent-Length: +1\r\n\r\n{" + GET,
				"PUT /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1\r\n{\r\n0\r\n\r\n" + GET,
				"PUT /a HTTP/1.1\r\nHost: x\r\nContent-Length : 1\r\n\r\n{" + GET }) {
			assertThat(whole(stream)).as(stream).isEqualTo(stream);
		}
	}

	@Test
	void inspectWhenTrailerFoldedThenLineTomcatRefuses() {
		String stream = "PUT /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n0\r\n"
				+ "X-T: 1\r\n 2\r\n\r\n";
		assertThat(whole(stream)).endsWith("X-T: 1\r\n:2\r\n\r\n");
		assertThat(byteByByte(stream)).isEqualTo(whole(stream));
	}

	@Test
	void inspectWhenHttp09RequestLineThenCutWhereItStarts() {
		assertThat(whole("GET /health\r\n\r\n")).isEmpty();
		assertThat(byteByByte("GET /health\r\n")).isEqualTo("GET /health\r");
		assertThat(whole(GET + "GET /health\r\n" + GET)).isEqualTo(GET);
	}

	@Test
	void inspectWhenConnectionReusedThenStateStartsOver() {
		RequestFramingGuard guard = new RequestFramingGuard();
		feed(guard, "GET /health\r\n");
		guard.reset();
		assertThat(feed(guard, GET)).isEqualTo(GET);
	}

	/** Tomcat's error for a header line it refuses, which quotes the line. */
	private static IllegalArgumentException tomcatRefused(String line) {
		return new IllegalArgumentException(
				"The HTTP header line [" + line + "] does not conform to RFC 9112. The request has been rejected.");
	}

	private static String whole(String stream) {
		return feed(new RequestFramingGuard(), stream);
	}

	private static String feed(RequestFramingGuard guard, String stream) {
		ByteBuffer buffer = ByteBuffer.wrap(stream.getBytes(StandardCharsets.ISO_8859_1));
		int end = guard.inspect(buffer, 0, buffer.capacity());
		return new String(buffer.array(), 0, end, StandardCharsets.ISO_8859_1);
	}

	private static String byteByByte(String stream) {
		RequestFramingGuard guard = new RequestFramingGuard();
		StringBuilder out = new StringBuilder();
		byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
		for (byte b : bytes) {
			ByteBuffer one = ByteBuffer.wrap(new byte[] { b });
			if (guard.inspect(one, 0, 1) == 0) {
				return out.toString();
			}
			out.append((char) (one.get(0) & 0xff));
		}
		return out.toString();
	}

}
