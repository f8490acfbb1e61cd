package dev.emulator.seam.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;

import org.apache.coyote.Adapter;
import org.apache.coyote.Processor;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketBufferHandler;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 NIO protocol, with every plain-text connection's bytes read by a
 * {@link RequestFramingGuard} before Tomcat parses them (BEHAVIOUR 8.3): a request that
 * folds a header line or carries both {@code Transfer-Encoding} and
 * {@code Content-Length} is refused by Tomcat itself with 400, and an HTTP/0.9 request
 * line closes the connection. The hook is {@link NioEndpoint}'s channel factory,
 * {@code createChannel}; everything else is Tomcat's own. Installed by
 * {@link ConnectorConfig} (Tomcat instantiates the protocol from its class name, hence
 * public).
 * <p>
 * While a connection is served, its guard is known to the thread serving it, so that
 * {@link EnvelopeErrorReportValve} can say what the guard made Tomcat refuse
 * ({@link #refusal}).
 */
public class GuardedHttp11NioProtocol extends Http11NioProtocol {

	private static final ThreadLocal<RequestFramingGuard> SERVED = new ThreadLocal<>();

	public GuardedHttp11NioProtocol() {
		super(new GuardedEndpoint());
	}

	@Override
	protected Processor createProcessor() {
		return new GuardedProcessor(this, getAdapter());
	}

	/**
	 * Why Tomcat refused the request being served on this thread, when the connection's
	 * guard made it refuse it; {@code tomcatsError} is Tomcat's error for the refusal.
	 */
	static Optional<RequestFramingGuard.Refusal> refusal(Throwable tomcatsError) {
		RequestFramingGuard guard = SERVED.get();
		return (guard != null) ? guard.refusal(tomcatsError) : Optional.empty();
	}

	/**
	 * Tomcat's HTTP/1.1 processor, which serves one connection at a time on the calling
	 * thread: the error report valve runs inside {@link #service}, on that thread.
	 */
	static final class GuardedProcessor extends Http11Processor {

		GuardedProcessor(AbstractHttp11Protocol<?> protocol, Adapter adapter) {
			super(protocol, adapter);
		}

		@Override
		public SocketState service(SocketWrapperBase<?> socketWrapper) throws IOException {
			if (!(socketWrapper.getSocket() instanceof GuardedChannel channel)) {
				return super.service(socketWrapper);
			}
			SERVED.set(channel.guard);
			try {
				return super.service(socketWrapper);
			}
			finally {
				SERVED.remove();
			}
		}

	}

	static final class GuardedEndpoint extends NioEndpoint {

		@Override
		protected NioChannel createChannel(SocketBufferHandler buffer) {
			// TLS is not terminated here (SECURITY.md); were it ever, its channel reads
			// ciphertext, which the guard cannot follow.
			return isSSLEnabled() ? super.createChannel(buffer) : new GuardedChannel(buffer);
		}

	}

	static final class GuardedChannel extends NioChannel {

		private final RequestFramingGuard guard = new RequestFramingGuard();

		GuardedChannel(SocketBufferHandler buffer) {
			super(buffer);
		}

		@Override
		public void reset(SocketChannel channel, NioEndpoint.NioSocketWrapper socketWrapper) throws IOException {
			super.reset(channel, socketWrapper);
			this.guard.reset();
		}

		@Override
		public int read(ByteBuffer dst) throws IOException {
			int start = dst.position();
			int read = super.read(dst);
			if (read <= 0) {
				return read;
			}
			int end = this.guard.inspect(dst, start, start + read);
			if (end == start + read) {
				return read;
			}
			// The connection closes: what is left of the bytes ends at the request that
			// is not answered, and the next read is the end of the stream.
			dst.position(end);
			return (end > start) ? end - start : -1;
		}

		@Override
		public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
			int[] starts = new int[length];
			for (int i = 0; i < length; i++) {
				starts[i] = dsts[offset + i].position();
			}
			long read = super.read(dsts, offset, length);
			if (read <= 0) {
				return read;
			}
			long delivered = 0;
			boolean cut = false;
			for (int i = 0; i < length; i++) {
				ByteBuffer dst = dsts[offset + i];
				int start = starts[i];
				int filled = dst.position();
				if (cut) {
					dst.position(start);
					continue;
				}
				int end = (filled > start) ? this.guard.inspect(dst, start, filled) : filled;
				if (end < filled) {
					dst.position(end);
					cut = true;
				}
				delivered += end - start;
			}
			return (cut && delivered == 0) ? -1 : delivered;
		}

	}

}
