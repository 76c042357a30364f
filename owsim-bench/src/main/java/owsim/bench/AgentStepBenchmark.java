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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import owsim.market.agent.AgentRun;

/**
 * User-steps per second (one user, one month of the agent engine: awareness of each lab, segment
 * growth, reconsidering and a logit choice among the known labs' options, capped usage, plus the
 * month's lab-level mechanisms) on the default scenario with 10 million users, fully mixed, in
 * three layouts: the engine itself ({@link AgentRun}, its kernel {@code AgentEngine.Month}) on 2
 * threads and on 1, the same month as one object per user in a list stepped by a schedule
 * ({@link ObjectAgentModel}), and as a MASON model ({@link MasonAgentModel}). Each invocation is one month of every user; every iteration starts
 * from a new run whose month 0 is already stepped.
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

    @Param({"arrays-2-threads", "arrays-1-thread", "objects", "mason"})
    public String layout;

    private AgentRun run;
    private ObjectAgentModel objects;
    private MasonAgentModel mason;

    @Setup(Level.Iteration)
    public void start() {
        run = null;
        objects = null;
        mason = null;
        AgentRun fresh = AgentWorkload.start(USERS, layout.equals("arrays-2-threads") ? 2 : 1);
        if (layout.equals("objects")) {
            objects = new ObjectAgentModel(fresh, AgentWorkload.SEED);
            fresh.close(); // only the objects (and the run's market) remain in use
        } else if (layout.equals("mason")) {
            mason = new MasonAgentModel(fresh, AgentWorkload.SEED);
            fresh.close();
        } else {
            run = fresh;
        }
    }

    @TearDown(Level.Iteration)
    public void close() {
        if (run != null) run.close();
    }

    @Benchmark
    @OperationsPerInvocation(USERS)
    public Object month() {
        if (objects != null) {
            objects.step();
            return objects.tokens();
        }
        if (mason != null) {
            mason.step();
            return mason.tokens();
        }
        run.step();
        return run.market();
    }
}
