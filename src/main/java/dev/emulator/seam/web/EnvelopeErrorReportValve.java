package dev.emulator.seam.web;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Replaces Tomcat's HTML error page for the errors Tomcat answers itself, before any
 * filter or servlet runs: a request line with invalid characters, an encoded slash in the
 * path, a request line and headers over the size limit, a method Tomcat does not serve
 * ({@code TRACE}), a transfer coding it does not support (501, answered as 400), a header
 * line it refuses (among them those {@link RequestFramingGuard} makes it refuse, which
 * say what was refused). Such a response gets Seam's envelope and a
 * {@code seam-request-id} like every other ({@link RequestIdFilter} never ran for it).
 * Errors inside the application are written before this valve is reached, so it leaves
 * them alone.
 */
class EnvelopeErrorReportValve extends ErrorReportValve {

	private final ApiErrorWriter writer;

	EnvelopeErrorReportValve(ApiErrorWriter writer) {
		this.writer = writer;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		if (response.getHeader(RequestIdFilter.HEADER) == null) {
			response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.newRequestId());
		}
		try {
			// A request the connection's guard made Tomcat refuse says why (BEHAVIOUR
			// 8.3).
			ApiException error = GuardedHttp11NioProtocol.refusal(throwable)
				.map((refusal) -> ApiException.invalidInput(refusal.message(), null))
				.orElseGet(() -> ApiException.forContainerStatus(status));
			String body = this.writer.render(error);
			if (error.getStatus().is4xxClientError()) {
				// Tomcat's 501 is answered as 400 (ApiException.forContainerStatus); a
				// 5xx keeps Tomcat's status (503 while shutting down, 505).
				response.setStatus(error.getStatus().value());
			}
			response.setContentType("application/json; charset=utf-8");
			PrintWriter out = response.getReporter();
			if (out != null) {
				out.write(body);
				response.finishResponse();
			}
		}
		catch (Exception ex) {
			// The connection is going away; there is nobody left to tell.
		}
	}

}
