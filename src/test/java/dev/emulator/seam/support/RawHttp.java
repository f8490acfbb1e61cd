package dev.emulator.seam.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a raw socket, for requests ordinary clients refuse to send: bad
 * percent-encoding, raw bytes in the request line, invalid UTF-8, truncated bodies, a
 * lying {@code Content-Length}. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** A request without body and the response, in one call. */
	public static Response get(int port, String method, String target, String... headerPairs) throws IOException {
		List<String[]> headers = new java.util.ArrayList<>();
		for (int i = 0; i < headerPairs.length; i += 2) {
			headers.add(new String[] { headerPairs[i], headerPairs[i + 1] });
		}
		return send(port, 10_000, method, target, headers, new byte[0], -1, false);
	}

	public record Response(int status, Map<String, String> headers, byte[] body) {

		public String header(String name) {
			String value = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (value != null) ? value : "";
		}

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * One request on its own connection. The target is sent as UTF-8 bytes exactly as
	 * given (no encoding); a truncated body declares more bytes than it sends and then
	 * half-closes the connection.
	 */
	public static Response send(int port, int timeoutMillis, String method, String target, List<String[]> headers,
			byte[] body, long declaredLength, boolean truncated) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(timeoutMillis);
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			head.write((method + " ").getBytes(StandardCharsets.UTF_8));
			head.write(target.getBytes(StandardCharsets.UTF_8));
			head.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.UTF_8));
			for (String[] header : headers) {
				head.write((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			if (declaredLength >= 0) {
				head.write(("Content-Length: " + declaredLength + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			head.write("\r\n".getBytes(StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toByteArray());
				out.write(body);
				out.flush();
				if (truncated) {
					socket.shutdownOutput();
				}
			}
			catch (IOException ex) {
				// The server may answer (413) and close before reading everything; its
				// answer is still there.
			}
			return parse(socket.getInputStream().readAllBytes());
		}
	}

	private static Response parse(byte[] raw) throws IOException {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		if (end < 0) {
			throw new IOException("No HTTP response: " + new String(raw, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, body);
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int position = 0;
		while (position < chunked.length) {
			int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), position);
			String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
			int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, size);
			position = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
