package owsim.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import owsim.catalog.Catalog;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * One run of the default scenario (the eight-lab 2025 landscape, 60 months) on the aggregate
 * engine; target under 50 ms after warm-up. The engine is reused across runs, as a sweep would, so
 * serving prices of repeated architectures are memoised. {@code world=four-labs} runs
 * {@code scenarios/four-labs-2025.yaml} instead (read from the working directory: run from the
 * repository's root), the default until the landscape replaced it; {@code world=FILE.yaml} runs a
 * scenario file ({@code -p world=scenarios/plan-pricing.yaml}).
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl owsim-bench -am
 * java -jar owsim-bench/target/benchmarks.jar MarketRunBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarketRunBenchmark {
    @Param({"60"})
    int months;

    /** "on": the default's three regions (15 segment parts); "off": one global region (its five segments), side by side. */
    @Param({"on", "off"})
    String regions;

    /**
     * "default": the embedded default scenario (eight labs); "four-labs": scenarios/four-labs-2025.yaml;
     * a path ending in ".yaml" or ".yml": that scenario file (for example the default world with more
     * mechanisms switched on).
     */
    @Param({"default", "four-labs"})
    String world;

    private AggregateEngine engine;
    private Scenario scenario;

    @Setup
    public void setup() {
        Catalog catalog = Catalog.bundled();
        engine = new AggregateEngine(catalog);
        Scenario s = (world.equals("four-labs") ? BenchWorlds.fourLabs()
            : world.endsWith(".yaml") || world.endsWith(".yml") ? Scenarios.load(Path.of(world))
            : Scenarios.defaultScenario()).withMonths(months);
        Scenarios.checkCatalog(s, catalog);
        scenario = regions.equals("on") ? s : s.withMechanisms(s.mechanisms().with("regions", false));
    }

    @Benchmark
    public RunResult defaultScenarioRun() {
        return engine.run(scenario);
    }
}
