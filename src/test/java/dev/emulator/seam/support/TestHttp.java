package dev.emulator.seam.support;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain JDK client the race, crash and shutdown tests share when RestAssured's
 * one-at-a-time style won't do, and the one race helper of the tests.
 */
public final class TestHttp {

	private TestHttp() {
	}

	/**
	 * A thread-safe client speaking HTTP/1.1 only, so that no request carries an h2c
	 * upgrade, with this connect timeout.
	 */
	public static HttpClient client(Duration connectTimeout) {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
	}

	/**
	 * Runs every call on its own thread, all released at once from a start gate so that
	 * they really race, and returns their results in the calls' order.
	 */
	public static <T> List<T> race(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					start.await();
					return call.call();
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).as("all threads at the start gate").isTrue();
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(90, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
