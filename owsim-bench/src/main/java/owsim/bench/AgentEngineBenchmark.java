package owsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
import owsim.scenario.Scenario;

/**
 * The whole agent engine on the four-lab world ({@code scenarios/four-labs-2025.yaml}, the default
 * until the eight-lab landscape replaced it: 4 labs, 5 segments, 60 months; run from the
 * repository's root, so the figures stay comparable) with 10 million
 * users on 2 threads: one invocation is one complete run (population drawn, 60 months of
 * attention, choice and usage for every user plus every lab-level mechanism, the result
 * assembled); the score is user-steps (users x months) per second. A warm JVM: 1 warm-up run, then
 * 3 measured.
 *
 * <pre>
 *   mvn -B -q package -DskipTests -pl owsim-bench -am
 *   java -jar owsim-bench/target/benchmarks.jar AgentEngineBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class AgentEngineBenchmark {
    static final int USERS = 10_000_000;
    static final int MONTHS = 60;

    @Param({"2"})
    public int threads;

    private AgentEngine engine;
    private Scenario scenario;

    @Setup(Level.Trial)
    public void build() {
        engine = new AgentEngine(Catalog.bundled());
        scenario = BenchWorlds.fourLabs().withMonths(MONTHS);
    }

    @Benchmark
    @OperationsPerInvocation(USERS * MONTHS)
    public RunResult defaultScenario() {
        return engine.run(scenario, new AgentOptions(USERS, threads, null, null));
    }
}
