package owsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.catalog.Catalog;
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.market.agent.AgentRun;
import owsim.scenario.NetworkSpec;
import owsim.scenario.Scenario;

/**
 * The agent engine's month on a social network against the same month fully mixed, interleaved in
 * one JVM: each round steps one month of every kind in turn, so all of them see the same load on
 * the shared machine. Printed per kind: the median month by the stepping threads' CPU time (the
 * calling thread and, with more than one thread, the run's workers: every live Java thread's CPU
 * time is summed before and after the month) with the median over rounds of its ratio to the fully
 * mixed month of the same round; the median wall-clock month; and the process's CPU time (garbage
 * collection and compilation included) over all measured rounds with its ratio to the fully mixed
 * months' (the process clock ticks in hundredths of a second on some systems, too coarse for one
 * month). Thread CPU time is the figure other load disturbs least; the ratio is what issue 13
 * targets.
 *
 * <pre>
 *   java -Xmx4g -cp owsim-bench/target/benchmarks.jar owsim.bench.NetworkSideBySide [users] [warm-up rounds] [rounds] [kinds] [labs] [threads]
 * </pre>
 * {@code kinds} is a comma-separated subset of {@code er,ws,ba} (all three by default); the
 * networks have mean degree 10 (Watts-Strogatz rewiring 0.1, Barabasi-Albert 5 edges per node).
 * {@code labs} (default 4) widens the default world by copying its labs in turn
 * ({@link LabCountBenchmark#withLabs}); {@code threads} (default 1) is each run's worker count.
 * The world is the four-lab one ({@code scenarios/four-labs-2025.yaml}; run from the repository's root).
 */
public final class NetworkSideBySide {
    private NetworkSideBySide() {}

    private record Kind(String name, AgentRun run, double[] thread, double[] wall, double[] process) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        List<String> wanted = List.of((args.length > 3 ? args[3] : "er,ws,ba").split(","));
        int labs = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        Scenario scenario = (labs == 4 ? BenchWorlds.fourLabs() : LabCountBenchmark.withLabs(labs))
            .withMonths(AgentWorkload.MONTHS).withSeed(AgentWorkload.SEED);
        AgentEngine engine = new AgentEngine(Catalog.bundled());
        List<Kind> kinds = new ArrayList<>();
        kinds.add(kind("fully mixed", engine, scenario, NetworkSpec.fullyMixed(), users, threads, rounds));
        if (wanted.contains("er")) kinds.add(kind("Erdos-Renyi", engine, scenario, new NetworkSpec(NetworkSpec.Kind.ERDOS_RENYI, 10.0, null, null), users, threads, rounds));
        if (wanted.contains("ws")) kinds.add(kind("Watts-Strogatz", engine, scenario, new NetworkSpec(NetworkSpec.Kind.WATTS_STROGATZ, 10.0, 0.1, null), users, threads, rounds));
        if (wanted.contains("ba")) kinds.add(kind("Barabasi-Albert", engine, scenario, new NetworkSpec(NetworkSpec.Kind.BARABASI_ALBERT, null, null, 5), users, threads, rounds));
        double load0 = OS.getSystemLoadAverage();
        for (int r = 0; r < warmup + rounds; r++) {
            for (Kind k : kinds) {
                long p0 = OS.getProcessCpuTime();
                long t0 = javaThreadsCpuTime();
                long w0 = System.nanoTime();
                k.run().step();
                long w1 = System.nanoTime();
                long t1 = javaThreadsCpuTime();
                long p1 = OS.getProcessCpuTime();
                if (r >= warmup) {
                    k.thread()[r - warmup] = (t1 - t0) / 1e6;
                    k.wall()[r - warmup] = (w1 - w0) / 1e6;
                    k.process()[r - warmup] = (p1 - p0) / 1e6;
                }
            }
        }
        double load1 = OS.getSystemLoadAverage();
        for (Kind k : kinds) k.run().close();
        System.out.printf("agent engine month, default scenario with %d labs, %,d users, %d thread%s; %d warm-up rounds, median of %d; %s; load average %.1f to %.1f%n",
            labs, users, threads, threads == 1 ? "" : "s", warmup, rounds,
            ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(), load0, load1);
        Kind mixed = kinds.get(0);
        for (Kind k : kinds) {
            double[] threadRatio = new double[rounds];
            for (int r = 0; r < rounds; r++) threadRatio[r] = k.thread()[r] / mixed.thread()[r];
            double[] wallRatio = new double[rounds];
            for (int r = 0; r < rounds; r++) wallRatio[r] = k.wall()[r] / mixed.wall()[r];
            double process = Arrays.stream(k.process()).sum();
            System.out.printf("  %-16s thread CPU %8.1f ms a month (%.2fx mixed)   wall %8.1f ms (%.2fx)   process CPU %8.1f ms a month (%.2fx mixed)%n",
                k.name(), median(k.thread()), median(threadRatio), median(k.wall()), median(wallRatio),
                process / rounds, process / Arrays.stream(mixed.process()).sum());
        }
    }

    private static Kind kind(String name, AgentEngine engine, Scenario scenario, NetworkSpec spec, int users, int threads, int rounds) {
        AgentRun run = engine.start(scenario, new AgentOptions(users, threads, spec, null));
        run.step();
        return new Kind(name, run, new double[rounds], new double[rounds], new double[rounds]);
    }

    /**
     * CPU time of every live Java thread, summed: with one thread it is the calling thread's, with
     * more it adds the run's workers (idle workers of the other runs add nothing).
     */
    private static long javaThreadsCpuTime() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t > 0) sum += t;
        }
        return sum;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
