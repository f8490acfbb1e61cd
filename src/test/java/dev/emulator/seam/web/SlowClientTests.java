package dev.emulator.seam.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 connections that start a request body and then send a byte a second (no credential
 * needed) must not stop the server for everyone else: other clients' requests, made
 * meanwhile, are answered, and fast.
 */
class SlowClientTests extends ApiTest {

	private static final int SLOW_CONNECTIONS = 200;

	@Test
	void requestsWhenTwoHundredConnectionsDribbleBodiesThenOthersAnsweredFast() throws Exception {
		HttpClient http = TestHttp.client(Duration.ofSeconds(5));
		HttpRequest get = HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/client_sessions/get"))
			.header("client-session-token", SEED_CST)
			.timeout(Duration.ofSeconds(5))
			.build();
		// Warm up first (JIT, pool): the figure is what slow clients cost, not a cold
		// start's.
		long warm = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		while (System.nanoTime() < warm) {
			http.send(get, HttpResponse.BodyHandlers.discarding());
		}
		List<Socket> slow = new ArrayList<>();
		AtomicInteger open = new AtomicInteger();
		Thread dribbler = new Thread(() -> {
			try {
				for (int i = 0; i < 12; i++) {
					Thread.sleep(1000);
					for (Socket socket : slow) {
						try {
							socket.getOutputStream().write(' ');
							socket.getOutputStream().flush();
						}
						catch (IOException ex) {
							// Cut off by the server: fine.
						}
					}
				}
			}
			catch (InterruptedException ex) {
				// Done.
			}
		});
		try {
			for (int i = 0; i < SLOW_CONNECTIONS; i++) {
				Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
				OutputStream out = socket.getOutputStream();
				out.write(("POST /client_sessions/get_or_create HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
						+ "application/json\r\nContent-Length: 100000\r\n\r\n{")
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
				slow.add(socket);
				open.incrementAndGet();
			}
			dribbler.start();
			Thread.sleep(1000);

			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			AtomicInteger failed = new AtomicInteger();
			List<Thread> clients = new ArrayList<>();
			long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
			for (int c = 0; c < 4; c++) {
				Thread client = new Thread(() -> {
					while (System.nanoTime() < until) {
						long started = System.nanoTime();
						try {
							HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() == 200) {
								latencies.add((System.nanoTime() - started) / 1_000_000);
							}
							else {
								failed.incrementAndGet();
							}
						}
						catch (IOException | InterruptedException ex) {
							failed.incrementAndGet();
						}
					}
				});
				client.start();
				clients.add(client);
			}
			for (Thread client : clients) {
				client.join();
			}
			List<Long> sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
			int answered = sorted.size();
			long p99 = sorted.isEmpty() ? Long.MAX_VALUE : sorted.get((int) Math.ceil(answered * 0.99) - 1);
			double share = answered / (double) (answered + failed.get());
			System.out.printf(
					"SlowClientTests: %d slow connections; %d requests answered 200, %d not; p50 %d ms, "
							+ "p99 %d ms%n",
					open.get(), answered, failed.get(), sorted.isEmpty() ? -1 : sorted.get(answered / 2), p99);
			assertThat(answered).isGreaterThan(20);
			assertThat(share).as("share answered").isGreaterThanOrEqualTo(0.99);
			assertThat(p99).as("p99 ms").isLessThan(500);
		}
		finally {
			dribbler.interrupt();
			for (Socket socket : slow) {
				socket.close();
			}
		}
	}

}
