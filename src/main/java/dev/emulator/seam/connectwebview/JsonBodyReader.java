package dev.emulator.seam.connectwebview;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.emulator.seam.support.EmulatorProperties;
import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.SeamParams;
import dev.emulator.seam.web.SeamParamsReader;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Reads a request's {@link SeamParams} together with its JSON body as a tree, for the object-valued parameters
 * ({@code custom_metadata}, {@code custom_metadata_has}) that {@link SeamParams} has no getter for. The body is read
 * once and the same bytes are handed to {@link SeamParamsReader}, so every other parameter, the size limit and the
 * JSON errors are exactly as on any other route.
 * <p>
 * Interim: an {@code object(name)} getter on {@link SeamParams} would make this class unnecessary; the web package
 * was out of reach of the change that needed it.
 */
@Component
class JsonBodyReader {

	private final SeamParamsReader reader;

	private final JsonMapper jsonMapper;

	private final EmulatorProperties properties;

	JsonBodyReader(SeamParamsReader reader, JsonMapper jsonMapper, EmulatorProperties properties) {
		this.reader = reader;
		this.jsonMapper = jsonMapper;
		this.properties = properties;
	}

	/**
	 * The request's parameters and its body ({@code {}} for GET, an empty body, or when the parameters were already
	 * read by authentication, which happens only for publishable keys, which no route using this accepts).
	 */
	Request read(HttpServletRequest request) {
		String method = request.getMethod();
		if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)) {
			return new Request(this.reader.read(request), this.jsonMapper.createObjectNode());
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(this.properties.maxBodyBytes() + 1);
		}
		catch (IOException ex) {
			throw ApiException.invalidInput("Could not read the request body", null);
		}
		SeamParams params = this.reader.read(new CachedBodyRequest(request, bytes));
		// The reader accepted the body (or it was empty), so it parses here too.
		ObjectNode body = this.jsonMapper.createObjectNode();
		if (bytes.length > 0) {
			try {
				JsonNode tree = this.jsonMapper.readTree(bytes);
				if (tree instanceof ObjectNode object) {
					body = object;
				}
			}
			catch (JacksonException ex) {
				// Only an empty or blank body gets past the reader unparsed; it has no members.
			}
		}
		return new Request(params, body);
	}

	record Request(SeamParams params, ObjectNode body) {
	}

	/** The request with its body already read into memory, readable once more. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
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
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
