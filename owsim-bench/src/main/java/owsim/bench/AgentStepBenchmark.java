package owsim.bench;

import java.util.concurrent.TimeUnit;
import owsim.market.agent.BlockExecutor;
import owsim.market.agent.MonthCoefficients;
import owsim.market.agent.MonthStep;
import owsim.market.agent.Population;
import owsim.market.network.Network;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * User-steps per second (one user, one month: awareness of 5 labs, a logit choice among the known
 * labs' 10 options, usage tally) for 10 million users, fully mixed, in three layouts: the
 * simulator's arrays on 2 threads and on 1, and one object per user stepped by a scheduler as
 * agent frameworks do ({@link ObjectAgentModel}). Each invocation is one month of every user;
 * the score is user-steps per second. State is reset to the same start before every iteration.
 *
 * <p>Run from the repository root (a warm JVM: 2 warm-up iterations, then 3 measured):
 * <pre>
 *   mvn -B -q package -DskipTests -pl owsim-bench -am
 *   java -jar owsim-bench/target/benchmarks.jar AgentStepBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms5g", "-Xmx5g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class AgentStepBenchmark {
    static final int USERS = 10_000_000;
    private static final long SEED = 2025;

    @Param({"arrays-2-threads", "arrays-1-thread", "objects"})
    public String layout;

    private BlockExecutor executor;
    private Population population;
    private Population.Snapshot start;
    private MonthCoefficients coefficients;
    private MonthStep step;
    private ObjectAgentModel objects;
    private int month;

    @Setup(Level.Trial)
    public void build() {
        executor = new BlockExecutor(layout.equals("arrays-2-threads") ? 2 : 1);
        coefficients = AgentWorkload.coefficients();
        population = AgentWorkload.population(USERS, SEED, executor);
        start = population.snapshot();
        if (layout.equals("objects")) {
            objects = new ObjectAgentModel(population, coefficients, SEED);
            population = null; // only the objects remain in use
        } else {
            step = new MonthStep(population, Network.fullyMixed(USERS), executor, SEED);
        }
    }

    @Setup(Level.Iteration)
    public void reset() {
        month = 0;
        if (objects != null) {
            objects.restore(start);
        } else {
            population.restore(start);
            step.stateChanged();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        executor.close();
    }

    @Benchmark
    @OperationsPerInvocation(USERS)
    public double month() {
        if (objects != null) {
            objects.step();
            return objects.tokens();
        }
        return step.step(month++, coefficients).tokens();
    }
}
