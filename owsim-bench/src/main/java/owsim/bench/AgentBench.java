package owsim.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import owsim.market.agent.AgentRun;

/**
 * A quick side-by-side of the agent engine's month without JMH, for {@code owsim bench agents}:
 * the same workload as {@link AgentStepBenchmark} (the engine's own kernel on the default
 * scenario, and the same month written as one object per user), each warmed up first, then the
 * median rate of the measured months. JMH remains the reference figure (docs/BENCHMARKS.md).
 */
public final class AgentBench {
    private AgentBench() {}

    /**
     * Median user-steps per second of each layout and the ratio arrays (all threads) / objects; the
     * one-thread rates also by the CPU time of the whole process (garbage collection and compilation
     * included), which other load on the machine does not change.
     */
    public record Result(int users, int threads, int labs, int options, double arraysUserStepsPerSecond,
                         double arraysOneThreadUserStepsPerSecond, double objectsUserStepsPerSecond, double bytesPerUser,
                         double arraysOneThreadCpuUserStepsPerSecond, double objectsCpuUserStepsPerSecond) {
        public double ratio() {
            return arraysUserStepsPerSecond / objectsUserStepsPerSecond;
        }

        public double sameThreadsRatio() {
            return arraysOneThreadUserStepsPerSecond / objectsUserStepsPerSecond;
        }

        /** One-thread ratio by process CPU time. */
        public double cpuRatio() {
            return arraysOneThreadCpuUserStepsPerSecond / objectsCpuUserStepsPerSecond;
        }
    }

    /** Measures every layout: {@code warmupMonths} unmeasured months, then the median of {@code months}. */
    public static Result measure(int users, int threads, int warmupMonths, int months) {
        if (users < 1) throw new IllegalArgumentException("users: must be a whole number >= 1, was " + users);
        if (months < 1 || warmupMonths < 0) throw new IllegalArgumentException("months: must be >= 1 (warm-up >= 0)");
        if (warmupMonths + months >= AgentWorkload.MONTHS) {
            throw new IllegalArgumentException("months: warm-up and measured months together must be below " + AgentWorkload.MONTHS);
        }
        double arrays;
        double[] arraysOne;
        double bytesPerUser;
        int labs;
        int options;
        try (AgentRun run = AgentWorkload.start(users, threads)) {
            bytesPerUser = (double) run.bytes() / users;
            labs = run.market().labs;
            options = run.market().userOptions;
            arrays = rate(run::step, users, warmupMonths, months)[0];
        }
        try (AgentRun run = AgentWorkload.start(users, 1)) {
            arraysOne = rate(run::step, users, warmupMonths, months);
        }
        double[] objects;
        ObjectAgentModel model;
        try (AgentRun run = AgentWorkload.start(users, 1)) {
            model = new ObjectAgentModel(run, AgentWorkload.SEED);
        }
        objects = rate(model::step, users, warmupMonths, months);
        return new Result(users, threads, labs, options, arrays, arraysOne[0], objects[0], bytesPerUser, arraysOne[1], objects[1]);
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Median wall-clock rate, and median rate by the process's CPU time. */
    private static double[] rate(Runnable month, int users, int warmupMonths, int months) {
        double[] rates = new double[months];
        double[] cpuRates = new double[months];
        for (int m = 0; m < warmupMonths + months; m++) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            month.run();
            long t1 = System.nanoTime();
            long c1 = OS.getProcessCpuTime();
            if (m >= warmupMonths) {
                rates[m - warmupMonths] = users / ((t1 - t0) / 1e9);
                cpuRates[m - warmupMonths] = users / ((c1 - c0) / 1e9);
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
        Result r = measure(users, Runtime.getRuntime().availableProcessors(), 10, 15);
        System.out.println(format(r));
    }

    /** A few lines for a terminal. */
    public static String format(Result r) {
        return String.format("agent engine month, default scenario, %,d users, %d labs, %d options, fully mixed (%.0f bytes/user)%n"
                + "  arrays, %d threads : %,.0f user-steps/s%n"
                + "  arrays, 1 thread  : %,.0f user-steps/s%n"
                + "  objects, 1 thread : %,.0f user-steps/s (one object per user in a list, stepped by a schedule)%n"
                + "  ratio arrays/objects: %.1fx (%.1fx on one thread)%n"
                + "  one thread by process CPU time (ignores other load): arrays %,.0f, objects %,.0f user-steps/s, %.1fx",
            r.users(), r.labs(), r.options(), r.bytesPerUser(), r.threads(), r.arraysUserStepsPerSecond(),
            r.arraysOneThreadUserStepsPerSecond(), r.objectsUserStepsPerSecond(), r.ratio(), r.sameThreadsRatio(),
            r.arraysOneThreadCpuUserStepsPerSecond(), r.objectsCpuUserStepsPerSecond(), r.cpuRatio());
    }
}
