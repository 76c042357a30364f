package owsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream of fresh market runs through the server with a stand-in for the run command: each run's result (here a
 * payload its files are made from) stays downloadable while the result cache holds the run, and is let go once the
 * cache drops it, however many ended jobs the queue still remembers.
 */
class FreshRunsTest {
    @TempDir Path data;

    /** Stands in for a run's result: what its files are made from. */
    private static final class Payload {
        final byte[] bytes;

        Payload(String seed) {
            bytes = ("files of seed " + seed + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test void aRunsResultIsKeptForItsFilesWhileCachedAndLetGoAfter() throws Exception {
        List<WeakReference<Payload>> made = new CopyOnWriteArrayList<>();
        CommandRunner runner = (args, progress) -> {
            String seed = args.stream().filter(a -> a.startsWith("--seed=")).findFirst().orElseThrow().substring("--seed=".length());
            Payload p = new Payload(seed);
            made.add(new WeakReference<>(p));
            return new Outcome(Outcome.OK, "{\"seed\": " + seed + "}\n", null, name -> p.bytes);
        };
        ServerOptions o = ServerOptions.defaults(ServerOptions.LOOPBACK, 0, data).withLimits(64 * 1024, 1, 8, 60, 1000);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // More runs than the cache holds, fewer than the queue remembers: the early runs are remembered as jobs, not cached.
        int runs = 80;
        assertThat(runs).isLessThan(RunQueue.REMEMBERED);
        try (WebServer server = WebServer.start(o, runner)) {
            String base = server.url().replace("127.0.0.1", "localhost");
            String last = null;
            for (int seed = 1; seed <= runs; seed++) {
                HttpResponse<String> r = get(http, base + "api/run?seed=" + seed);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("{\"seed\": " + seed + "}\n");
                last = r.headers().firstValue(Api.RUN_HEADER).orElseThrow();
            }
            // The last run is cached: its file is made from its result when asked for.
            HttpResponse<String> f = get(http, base + "api/runs/" + last + "/timeseries.csv");
            assertThat(f.statusCode()).as(f.body()).isEqualTo(200);
            assertThat(f.body()).isEqualTo("files of seed " + runs + "\n");
            assertThat(made).hasSize(runs);
            // The first runs' results are no longer reachable from the server once the cache dropped them.
            int firstDropped = runs - 40;
            for (int i = 0; i < 20 && made.subList(0, firstDropped).stream().anyMatch(w -> w.get() != null); i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(made.subList(0, firstDropped)).allSatisfy(w -> assertThat(w.get()).as("a dropped run's result").isNull());
            // The latest (cached) run's result is still held.
            assertThat(made.get(runs - 1).get()).isNotNull();
            assertThat(System.getProperty(WebServer.NODELAY)).isEqualTo("true");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
