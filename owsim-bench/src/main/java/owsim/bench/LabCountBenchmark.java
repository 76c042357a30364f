package owsim.bench;

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
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * A run of the four-lab world ({@code scenarios/four-labs-2025.yaml}; run from the repository's
 * root) widened to 4, 8, 12 and 20 labs (its four labs copied in turn, see
 * {@link #withLabs}), 24 months on the aggregate engine: up to 8 labs the choice sums over every
 * subset of known labs (up to 10), beyond it integrates. The agent engine runs the same world with
 * 50,000 users on one thread: up to 8 labs it tables every awareness pattern's denominator, beyond
 * it computes each user's and caches the patterns met.
 *
 * <pre>
 * java -jar owsim-bench/target/benchmarks.jar LabCountBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LabCountBenchmark {
    @Param({"4", "8", "12", "20"})
    int labs;

    private AggregateEngine engine;
    private AgentEngine agents;
    private Scenario scenario;

    @Setup
    public void setup() {
        engine = new AggregateEngine(Catalog.bundled());
        agents = new AgentEngine(Catalog.bundled());
        scenario = withLabs(labs).withMonths(24);
    }

    /** The four-lab world with its labs copied in turn (ids suffixed -2, -3, ...) until there are n. */
    public static Scenario withLabs(int n) {
        String text = BenchWorlds.fourLabsYaml();
        int start = text.indexOf("\nlabs:\n") + "\nlabs:\n".length();
        int end = text.indexOf("\nsegments:\n");
        String[] blocks = text.substring(start, end).split("\n(?=  - id: )");
        StringBuilder labs = new StringBuilder();
        for (int k = 0; k < n; k++) {
            String block = blocks[k % blocks.length].stripTrailing();
            int copy = k / blocks.length;
            if (copy > 0) block = block.replaceFirst("- id: (\\S+)", "- id: $1-" + (copy + 1));
            labs.append(block).append("\n\n");
        }
        return Scenarios.parse("labs-" + n + ".yaml", text.substring(0, start) + labs + text.substring(end + 1));
    }

    @Benchmark
    public RunResult run() {
        return engine.run(scenario);
    }

    @Benchmark
    public RunResult agentRun() {
        return agents.run(scenario, AgentOptions.of(50_000));
    }
}
