package owsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import owsim.market.agent.BlockExecutor;
import owsim.market.agent.MonthCoefficients;
import owsim.market.agent.MonthStep;
import owsim.market.agent.Population;
import owsim.market.network.Network;

/**
 * A quick side-by-side of the agent step without JMH, for {@code owsim bench agents}: the same
 * workload as {@link AgentStepBenchmark}, each layout warmed up first, then the median rate of
 * the measured months. JMH remains the reference figure (docs/BENCHMARKS.md).
 */
public final class AgentBench {
    private AgentBench() {}

    /** Median user-steps per second of each layout and the ratio arrays (all threads) / objects. */
    public record Result(int users, int threads, double arraysUserStepsPerSecond, double arraysOneThreadUserStepsPerSecond,
                         double objectsUserStepsPerSecond, double bytesPerUser,
                         double arraysOneThreadCpuUserStepsPerSecond, double objectsCpuUserStepsPerSecond) {
        public double ratio() {
            return arraysUserStepsPerSecond / objectsUserStepsPerSecond;
        }

        public double sameThreadsRatio() {
            return arraysOneThreadUserStepsPerSecond / objectsUserStepsPerSecond;
        }

        /** One-thread ratio by CPU time of the stepping thread: unaffected by other processes on the machine. */
        public double cpuRatio() {
            return arraysOneThreadCpuUserStepsPerSecond / objectsCpuUserStepsPerSecond;
        }
    }

    /** Measures every layout: {@code warmupMonths} unmeasured months, then the median of {@code months}. */
    public static Result measure(int users, int threads, int warmupMonths, int months, long seed) {
        if (users < 1) throw new IllegalArgumentException("users: must be a whole number >= 1, was " + users);
        if (months < 1 || warmupMonths < 0) throw new IllegalArgumentException("months: must be >= 1 (warm-up >= 0)");
        MonthCoefficients c = AgentWorkload.coefficients();
        double arrays;
        double[] arraysOne;
        double bytesPerUser;
        Population.Snapshot start;
        Population pop;
        try (BlockExecutor ex = new BlockExecutor(threads)) {
            pop = AgentWorkload.population(users, seed, ex);
            bytesPerUser = pop.bytesPerUser();
            start = pop.snapshot();
            arrays = arraysRate(pop, start, c, ex, warmupMonths, months, seed)[0];
        }
        try (BlockExecutor one = new BlockExecutor(1)) {
            arraysOne = arraysRate(pop, start, c, one, warmupMonths, months, seed);
        }
        pop.restore(start);
        ObjectAgentModel objects = new ObjectAgentModel(pop, c, seed);
        pop = null; // let the arrays go before timing the objects
        double[] rates = new double[months];
        double[] cpuRates = new double[months];
        for (int m = 0; m < warmupMonths + months; m++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            objects.step();
            long t1 = System.nanoTime();
            long c1 = CPU.getCurrentThreadCpuTime();
            if (m >= warmupMonths) {
                rates[m - warmupMonths] = users / ((t1 - t0) / 1e9);
                cpuRates[m - warmupMonths] = users / ((c1 - c0) / 1e9);
            }
        }
        return new Result(users, threads, arrays, arraysOne[0], median(rates), bytesPerUser, arraysOne[1], median(cpuRates));
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Median wall-clock rate, and median CPU-time rate of the calling thread (meaningful with one thread). */
    private static double[] arraysRate(Population pop, Population.Snapshot start, MonthCoefficients c, BlockExecutor ex,
                                       int warmupMonths, int months, long seed) {
        pop.restore(start);
        MonthStep step = new MonthStep(pop, Network.fullyMixed(pop.users()), ex, seed);
        double[] rates = new double[months];
        double[] cpuRates = new double[months];
        for (int m = 0; m < warmupMonths + months; m++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            step.step(m, c);
            long t1 = System.nanoTime();
            long c1 = CPU.getCurrentThreadCpuTime();
            if (m >= warmupMonths) {
                rates[m - warmupMonths] = pop.users() / ((t1 - t0) / 1e9);
                cpuRates[m - warmupMonths] = pop.users() / ((c1 - c0) / 1e9);
            }
        }
        return new double[] {median(rates), median(cpuRates)};
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** {@code java -cp benchmarks.jar owsim.bench.AgentBench [users]}: prints the comparison. */
    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Result r = measure(users, Runtime.getRuntime().availableProcessors(), 10, 15, 2025);
        System.out.println(format(r));
    }

    /** A few lines for a terminal. */
    public static String format(Result r) {
        return String.format("agent step, %,d users, 5 labs, 10 options, fully mixed (%.0f bytes/user)%n"
                + "  arrays, %d threads : %,.0f user-steps/s%n"
                + "  arrays, 1 thread  : %,.0f user-steps/s%n"
                + "  objects, 1 thread : %,.0f user-steps/s (one object per user, framework-style scheduler)%n"
                + "  ratio arrays/objects: %.1fx (%.1fx on one thread)%n"
                + "  one thread by CPU time (ignores other load): arrays %,.0f, objects %,.0f user-steps/s, %.1fx",
            r.users(), r.bytesPerUser(), r.threads(), r.arraysUserStepsPerSecond(), r.arraysOneThreadUserStepsPerSecond(),
            r.objectsUserStepsPerSecond(), r.ratio(), r.sameThreadsRatio(),
            r.arraysOneThreadCpuUserStepsPerSecond(), r.objectsCpuUserStepsPerSecond(), r.cpuRatio());
    }
}
