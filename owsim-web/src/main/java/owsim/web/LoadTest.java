package owsim.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A bounded load test of the API: {@code clients} threads, each sending one request after the
 * other (a closed loop, as browsers waiting for their answer do) for a warm-up and then a measured
 * time; every answer that is not 200 with a body, and every failed request, is an error.
 */
public final class LoadTest {
    /**
     * What one phase measured.
     *
     * @param name the phase, e.g. "cost serve"
     * @param clients concurrent clients
     * @param seconds measured seconds
     * @param requests requests answered within the measured time
     * @param errors of them, those that failed
     * @param requestsPerSecond requests / seconds
     * @param p50Ms median latency, ms
     * @param p99Ms 99th percentile latency, ms
     * @param maxMs the slowest, ms
     * @param firstError what the first error was, or null
     */
    public record Result(String name, int clients, double seconds, long requests, long errors, double requestsPerSecond, double p50Ms,
                         double p99Ms, double maxMs, String firstError) {}

    private LoadTest() {}

    /**
     * Runs one phase.
     *
     * @param path the request path (after the server's root) of the k-th request a client sends
     */
    public static Result run(String name, URI base, IntFunction<String> path, int clients, Duration warmup, Duration measured)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstError = {null};
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1024]};
            int client = c;
            Thread t = new Thread(() -> {
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) break;
                    String p = path.apply((int) sequence.getAndIncrement());
                    String error = null;
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(p)).timeout(Duration.ofSeconds(60)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200 || r.body().length == 0) error = p + ": HTTP " + r.statusCode();
                    } catch (IOException e) {
                        error = p + ": " + e.getClass().getSimpleName() + " " + e.getMessage();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    long t1 = System.nanoTime();
                    if (t0 < measureFrom || t1 > end) continue;
                    if (error != null) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) firstError[0] = error;
                        }
                    }
                    if (n == mine[0].length) mine[0] = Arrays.copyOf(mine[0], n * 2);
                    mine[0][n++] = t1 - t0;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], n));
                    counts[client] = n;
                }
            }, "owsim-load-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        long total = 0;
        for (long[] l : latencies) total += l.length;
        long[] all = new long[(int) total];
        int i = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, i, l.length);
            i += l.length;
        }
        Arrays.sort(all);
        double seconds = measured.toNanos() / 1e9;
        return new Result(name, clients, seconds, total, errors.get(), total / seconds, percentileMs(all, 0.50), percentileMs(all, 0.99),
            all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, firstError[0]);
    }

    /** The nearest-rank percentile of sorted nanoseconds, in ms; NaN for none. */
    static double percentileMs(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
