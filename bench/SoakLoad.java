import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Mixed client session load for bench/soak.sh; plain JDK, run as {@code java bench/SoakLoad.java BASE_URL SECONDS
 * WORKERS}. Each worker loops over: create (PUT /client_sessions/create with a new user_identifier_key), token read
 * (GET /client_sessions/get with the session's client-session-token), list by user_identifier_key with the API key,
 * and revoke. Every answer is checked: a live session's token must read its own session (200), a revoked one must get
 * 401 client_session_revoked, list must return exactly the user's session. Anything else, or an I/O failure, is an
 * error. Prints a progress line every 10 s and, at the end, lines starting with {@code RESULT}.
 */
public class SoakLoad {

	static final String API_KEY = "seam_apikey1_token";

	static final String[] OPS = { "create", "token_read", "list", "revoke" };

	// Out of 100: reads dominate, as for a real front end; every session is eventually revoked or dropped.
	static final int[] WEIGHTS = { 20, 50, 20, 10 };

	static final int POOL = 200;

	record Session(String id, String token, String key, boolean revoked) {
	}

	static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static final LongAdder[] done = new LongAdder[OPS.length];

	static final LongAdder[] failed = new LongAdder[OPS.length];

	static final Map<String, AtomicLong> errorKinds = new TreeMap<>();

	static String base;

	public static void main(String[] args) throws Exception {
		base = args[0];
		long seconds = Long.parseLong(args[1]);
		int workers = Integer.parseInt(args[2]);
		for (int i = 0; i < OPS.length; i++) {
			done[i] = new LongAdder();
			failed[i] = new LongAdder();
		}
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		List<Worker> all = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			Worker w = new Worker(end);
			w.setName("soak-" + i);
			w.start();
			all.add(w);
		}
		while (System.nanoTime() < end) {
			Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
			System.out.printf("progress t=%ds requests=%d errors=%d%n", (System.nanoTime() - start) / 1_000_000_000,
					total(done), total(failed));
		}
		for (Worker w : all) {
			w.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long requests = total(done);
		System.out.printf("RESULT seconds=%.0f workers=%d requests=%d errors=%d throughput=%.1f/s%n", elapsed, workers,
				requests, total(failed), requests / elapsed);
		for (int i = 0; i < OPS.length; i++) {
			int op = i;
			long[] lat = all.stream().flatMapToLong((w) -> Arrays.stream(w.latencies(op))).sorted().toArray();
			System.out.printf("RESULT op=%s requests=%d errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", OPS[i],
					done[i].sum(), failed[i].sum(), pct(lat, 50), pct(lat, 99), pct(lat, 100));
		}
		synchronized (errorKinds) {
			errorKinds.forEach((k, v) -> System.out.printf("RESULT error=%s count=%d%n", k, v.get()));
		}
	}

	static long total(LongAdder[] adders) {
		return Arrays.stream(adders).mapToLong(LongAdder::sum).sum();
	}

	static double pct(long[] sortedMicros, int p) {
		if (sortedMicros.length == 0) {
			return 0;
		}
		int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
		return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))] / 1000.0;
	}

	static void error(String kind) {
		synchronized (errorKinds) {
			errorKinds.computeIfAbsent(kind, (k) -> new AtomicLong()).incrementAndGet();
		}
	}

	static final class Worker extends Thread {

		final long end;

		final List<Session> sessions = new ArrayList<>();

		final long[][] lat = new long[OPS.length][1024];

		final int[] latCount = new int[OPS.length];

		Worker(long end) {
			this.end = end;
		}

		long[] latencies(int op) {
			return Arrays.copyOf(this.lat[op], this.latCount[op]);
		}

		@Override
		public void run() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (System.nanoTime() < this.end) {
				int op = pick(random.nextInt(100));
				if (op != 0 && this.sessions.isEmpty()) {
					op = 0;
				}
				long t0 = System.nanoTime();
				boolean ok;
				try {
					ok = switch (op) {
						case 0 -> create();
						case 1 -> tokenRead(this.sessions.get(random.nextInt(this.sessions.size())));
						case 2 -> list(this.sessions.get(random.nextInt(this.sessions.size())));
						default -> revoke(random.nextInt(this.sessions.size()));
					};
				}
				catch (IOException ex) {
					error(OPS[op] + ":" + ex.getClass().getSimpleName());
					ok = false;
				}
				catch (InterruptedException ex) {
					return;
				}
				record(op, (System.nanoTime() - t0) / 1000);
				done[op].increment();
				if (!ok) {
					failed[op].increment();
				}
			}
		}

		static int pick(int roll) {
			int sum = 0;
			for (int i = 0; i < WEIGHTS.length; i++) {
				sum += WEIGHTS[i];
				if (roll < sum) {
					return i;
				}
			}
			return 0;
		}

		void record(int op, long micros) {
			if (this.latCount[op] == this.lat[op].length) {
				this.lat[op] = Arrays.copyOf(this.lat[op], this.lat[op].length * 2);
			}
			this.lat[op][this.latCount[op]++] = micros;
		}

		boolean create() throws IOException, InterruptedException {
			String key = "soak_" + UUID.randomUUID();
			HttpResponse<String> r = send(apiKey("/client_sessions/create")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"user_identifier_key\":\"" + key
						+ "\",\"connected_account_ids\":[\"john_connected_account_id\"]}"))
				.header("Content-Type", "application/json"));
			if (!expect("create", r, 200)) {
				return false;
			}
			String id = field(r.body(), "client_session_id");
			String token = field(r.body(), "token");
			if (id == null || token == null || !r.body().contains(key)) {
				error("create:incomplete_body");
				return false;
			}
			if (this.sessions.size() == POOL) {
				this.sessions.remove(0);
			}
			this.sessions.add(new Session(id, token, key, false));
			return true;
		}

		boolean tokenRead(Session s) throws IOException, InterruptedException {
			HttpResponse<String> r = send(request("/client_sessions/get").header("client-session-token", s.token()));
			if (s.revoked()) {
				return expect("token_read_revoked", r, 401) && expectBody("token_read_revoked", r, "client_session_revoked");
			}
			return expect("token_read", r, 200) && expectBody("token_read", r, s.id());
		}

		boolean list(Session s) throws IOException, InterruptedException {
			HttpResponse<String> r = send(apiKey("/client_sessions/list?user_identifier_key=" + s.key()));
			return expect("list", r, 200) && expectBody("list", r, s.id())
					&& r.body().indexOf("client_session_id") == r.body().lastIndexOf("client_session_id");
		}

		boolean revoke(int index) throws IOException, InterruptedException {
			Session s = this.sessions.get(index);
			HttpResponse<String> r = send(apiKey("/client_sessions/revoke")
				.POST(HttpRequest.BodyPublishers.ofString("{\"client_session_id\":\"" + s.id() + "\"}"))
				.header("Content-Type", "application/json"));
			if (!expect("revoke", r, 200)) {
				return false;
			}
			this.sessions.set(index, new Session(s.id(), s.token(), s.key(), true));
			return true;
		}

		static HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		}

		static HttpRequest.Builder apiKey(String path) {
			return request(path).header("Authorization", "Bearer " + API_KEY);
		}

		static HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
			return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}

		static boolean expect(String op, HttpResponse<String> r, int status) {
			if (r.statusCode() != status) {
				error(op + ":" + r.statusCode());
				return false;
			}
			return true;
		}

		static boolean expectBody(String op, HttpResponse<String> r, String needle) {
			if (!r.body().contains(needle)) {
				error(op + ":unexpected_body");
				return false;
			}
			return true;
		}

		static String field(String json, String name) {
			String marker = "\"" + name + "\":\"";
			int i = json.indexOf(marker);
			if (i < 0) {
				return null;
			}
			int from = i + marker.length();
			int to = json.indexOf('"', from);
			return (to < 0) ? null : json.substring(from, to);
		}

	}

}
