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

/**
 * The agent engine's month on a social network against the same month fully mixed, interleaved in
 * one JVM: each round steps one month of every kind in turn on the calling thread (one worker), so
 * all of them see the same load on the shared machine. Printed per kind: the median month by the
 * stepping thread's CPU time with the median over rounds of its ratio to the fully mixed month of
 * the same round, and the process's CPU time (garbage collection and compilation included) over
 * all measured rounds with its ratio to the fully mixed months' (the process clock ticks in
 * hundredths of a second on some systems, too coarse for one month). Thread CPU time is the
 * figure other load disturbs least; the ratio is what issue 13 targets.
 *
 * <pre>
 *   java -Xmx4g -cp owsim-bench/target/benchmarks.jar owsim.bench.NetworkSideBySide [users] [warm-up rounds] [rounds] [kinds]
 * </pre>
 * {@code kinds} is a comma-separated subset of {@code er,ws,ba} (all three by default); the
 * networks have mean degree 10 (Watts-Strogatz rewiring 0.1, Barabasi-Albert 5 edges per node).
 */
public final class NetworkSideBySide {
    private NetworkSideBySide() {}

    private record Kind(String name, AgentRun run, double[] thread, double[] process) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        List<String> wanted = List.of((args.length > 3 ? args[3] : "er,ws,ba").split(","));
        AgentEngine engine = new AgentEngine(Catalog.bundled());
        List<Kind> kinds = new ArrayList<>();
        kinds.add(kind("fully mixed", engine, NetworkSpec.fullyMixed(), users, rounds));
        if (wanted.contains("er")) kinds.add(kind("Erdos-Renyi", engine, new NetworkSpec(NetworkSpec.Kind.ERDOS_RENYI, 10.0, null, null), users, rounds));
        if (wanted.contains("ws")) kinds.add(kind("Watts-Strogatz", engine, new NetworkSpec(NetworkSpec.Kind.WATTS_STROGATZ, 10.0, 0.1, null), users, rounds));
        if (wanted.contains("ba")) kinds.add(kind("Barabasi-Albert", engine, new NetworkSpec(NetworkSpec.Kind.BARABASI_ALBERT, null, null, 5), users, rounds));
        double load0 = OS.getSystemLoadAverage();
        for (int r = 0; r < warmup + rounds; r++) {
            for (Kind k : kinds) {
                long p0 = OS.getProcessCpuTime();
                long t0 = THREADS.getCurrentThreadCpuTime();
                k.run().step();
                long t1 = THREADS.getCurrentThreadCpuTime();
                long p1 = OS.getProcessCpuTime();
                if (r >= warmup) {
                    k.thread()[r - warmup] = (t1 - t0) / 1e6;
                    k.process()[r - warmup] = (p1 - p0) / 1e6;
                }
            }
        }
        double load1 = OS.getSystemLoadAverage();
        for (Kind k : kinds) k.run().close();
        System.out.printf("agent engine month, default scenario, %,d users, 1 thread; %d warm-up rounds, median of %d; %s; load average %.1f to %.1f%n",
            users, warmup, rounds, ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(), load0, load1);
        Kind mixed = kinds.get(0);
        for (Kind k : kinds) {
            double[] threadRatio = new double[rounds];
            for (int r = 0; r < rounds; r++) threadRatio[r] = k.thread()[r] / mixed.thread()[r];
            double process = Arrays.stream(k.process()).sum();
            System.out.printf("  %-16s thread CPU %8.1f ms a month (%.2fx mixed)   process CPU %8.1f ms a month (%.2fx mixed)%n",
                k.name(), median(k.thread()), median(threadRatio), process / rounds, process / Arrays.stream(mixed.process()).sum());
        }
    }

    private static Kind kind(String name, AgentEngine engine, NetworkSpec spec, int users, int rounds) {
        AgentRun run = engine.start(AgentWorkload.scenario(), new AgentOptions(users, 1, spec, null));
        run.step();
        return new Kind(name, run, new double[rounds], new double[rounds]);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
