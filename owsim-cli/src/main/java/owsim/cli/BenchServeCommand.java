package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import owsim.io.InputException;
import owsim.web.LoadTest;
import owsim.web.ServerOptions;
import owsim.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code owsim bench serve}: a bounded load test of the web app on loopback. It starts the app in
 * this process on a free port and sends it requests from concurrent clients: cost answers (a mix
 * of models and accelerators), the default market run (answered from the result cache after the
 * first), and market runs with a new seed each (every one a real run).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Load test of 'owsim serve' on loopback: --clients concurrent clients for --seconds against the cost endpoint,",
        "the default market run and market runs with fresh seeds; requests/s, p50 and p99 latency and errors per phase."})
final class BenchServeCommand implements Callable<Integer> {
    /** The cost requests, cycled: small to large models on several accelerators. */
    static final List<String> COST_MODELS = List.of("llama-3.1-8b", "qwen3-32b", "llama-3.1-70b", "gpt-oss-120b", "deepseek-v3");
    static final List<String> COST_HARDWARE = List.of("h100-sxm", "h200", "b200", "mi300x");

    @Spec CommandSpec spec;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "50", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "Measured seconds per phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "Unmeasured seconds first in each phase (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--phases", paramLabel = "LIST", split = ",", defaultValue = "cost,market,market-fresh",
        description = "Phases to run, of cost, market (the default run), market-fresh (a new seed per request) (default: ${DEFAULT-VALUE}).")
    List<String> phases;

    @Mixin FormatOption format;

    @Override public Integer call() throws IOException, InterruptedException {
        NumberOptions.whole("--clients", clients, 1, 1000);
        NumberOptions.whole("--seconds", seconds, 1, 3600);
        NumberOptions.whole("--warmup", warmup, 0, 600);
        Map<String, IntFunction<String>> known = new LinkedHashMap<>();
        known.put("cost", k -> "api/cost/serve?model=" + COST_MODELS.get(k % COST_MODELS.size()) + "&hardware="
            + COST_HARDWARE.get((k / COST_MODELS.size()) % COST_HARDWARE.size()));
        known.put("market", k -> "api/run");
        known.put("market-fresh", k -> "api/run?seed=" + (1000 + k));
        for (String p : phases) {
            if (!known.containsKey(p)) throw InputException.ofField("--phases", "'" + p + "' is not a phase; allowed: " + String.join(", ", known.keySet()));
        }
        Path data = Files.createTempDirectory("owsim-bench-serve");
        PrintWriter err = spec.commandLine().getErr();
        List<LoadTest.Result> results = new ArrayList<>();
        int processors = Runtime.getRuntime().availableProcessors();
        try (WebServer server = WebServer.start(ServerOptions.defaults(ServerOptions.LOOPBACK, 0, data)
                .withLimits(ServerOptions.DEFAULT_MAX_BODY_BYTES, processors, Math.max(ServerOptions.DEFAULT_QUEUE, clients), 120,
                    ServerOptions.DEFAULT_MAX_AGENT_USERS), new WebCommands())) {
            URI base = URI.create(server.url().replace("127.0.0.1", "localhost"));
            for (String p : phases) {
                err.printf(Locale.ROOT, "measuring %s: %d clients, %d s warm-up + %d s on %s...%n", p, clients, warmup, seconds, base);
                err.flush();
                results.add(LoadTest.run(p, base, known.get(p), clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds)));
            }
        } finally {
            try (Stream<Path> s = Files.walk(data)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
        if (format.json()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("processors", processors);
            r.put("phases", results);
            format.printJson(r);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%-13s %7s %7s %9s %7s %10s %10s %10s%n", "phase", "clients", "seconds", "requests", "errors", "req/s", "p50 ms",
                "p99 ms");
            for (LoadTest.Result r : results) {
                out.printf(Locale.ROOT, "%-13s %7d %7.0f %9d %7d %10.1f %10.1f %10.1f%n", r.name(), r.clients(), r.seconds(), r.requests(),
                    r.errors(), r.requestsPerSecond(), r.p50Ms(), r.p99Ms());
            }
            for (LoadTest.Result r : results) if (r.firstError() != null) out.println(r.name() + ": first error: " + r.firstError());
            out.flush();
        }
        for (LoadTest.Result r : results) if (r.errors() > 0) return Main.EXIT_FAILURE;
        return Main.EXIT_OK;
    }
}
