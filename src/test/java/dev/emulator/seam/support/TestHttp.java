package dev.emulator.seam.support;

import java.net.http.HttpClient;
import java.time.Duration;

/** The plain JDK client the race, crash and shutdown tests share when RestAssured's one-at-a-time style won't do. */
public final class TestHttp {

	private TestHttp() {
	}

	/**
	 * A thread-safe client speaking HTTP/1.1 only, so that no request carries an h2c upgrade, with this connect
	 * timeout.
	 */
	public static HttpClient client(Duration connectTimeout) {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
	}

}
