package owsim.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.market.agent.AgentRun;

/**
 * The agent engine's month against the same month as one object per user and as a MASON model,
 * interleaved in one JVM: each round steps one month of every layout in turn, so all of them see
 * the same load on the machine; the median per layout over the measured rounds is printed, by wall
 * clock and by the process's CPU time (garbage collection and compilation included).
 *
 * <pre>
 *   java -Xmx6g -cp owsim-bench/target/benchmarks.jar owsim.bench.SideBySide [users] [warm-up rounds] [rounds]
 * </pre>
 */
public final class SideBySide {
    private SideBySide() {}

    /** A layout to step; {@code run} is the engine's run (null for the others), whose serial share is printed. */
    private record Layout(String name, Runnable month, AgentRun run, double[] wall, double[] cpu, double[] serial) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        AgentRun two = AgentWorkload.start(users, 2);
        AgentRun one = AgentWorkload.start(users, 1);
        ObjectAgentModel objects;
        MasonAgentModel mason;
        try (AgentRun a = AgentWorkload.start(users, 1); AgentRun b = AgentWorkload.start(users, 1)) {
            objects = new ObjectAgentModel(a, AgentWorkload.SEED);
            mason = new MasonAgentModel(b, AgentWorkload.SEED);
        }
        List<Layout> layouts = new ArrayList<>();
        layouts.add(new Layout("arrays, 2 threads", two::step, two, new double[rounds], new double[rounds], new double[rounds]));
        layouts.add(new Layout("arrays, 1 thread", one::step, one, new double[rounds], new double[rounds], new double[rounds]));
        layouts.add(new Layout("objects, 1 thread", objects::step, null, new double[rounds], new double[rounds], new double[rounds]));
        layouts.add(new Layout("MASON, 1 thread", mason::step, null, new double[rounds], new double[rounds], new double[rounds]));
        for (int r = 0; r < warmup + rounds; r++) {
            for (Layout l : layouts) {
                long p0 = l.run() == null ? 0 : l.run().parallelNanos();
                long c0 = OS.getProcessCpuTime();
                long t0 = System.nanoTime();
                l.month().run();
                long t1 = System.nanoTime();
                long c1 = OS.getProcessCpuTime();
                long p1 = l.run() == null ? 0 : l.run().parallelNanos();
                if (r >= warmup) {
                    l.wall()[r - warmup] = users / ((t1 - t0) / 1e9);
                    l.cpu()[r - warmup] = users / ((c1 - c0) / 1e9);
                    // The share of the month's wall time outside the parallel block loops (one thread).
                    l.serial()[r - warmup] = l.run() == null ? Double.NaN : 1 - (double) (p1 - p0) / (t1 - t0);
                }
            }
        }
        two.close();
        one.close();
        System.out.printf("agent engine month, default scenario, %,d users, fully mixed; %d warm-up rounds, median of %d, %s%n",
            users, warmup, rounds, ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        double masonWall = median(layouts.get(3).wall());
        double masonCpu = median(layouts.get(3).cpu());
        for (Layout l : layouts) {
            double w = median(l.wall());
            double c = median(l.cpu());
            String serial = l.run() == null ? "" : String.format("   serial %.1f %%", 100 * median(l.serial()));
            System.out.printf("  %-18s %,14.0f user-steps/s (%.2fx MASON)   by process CPU %,14.0f (%.2fx MASON)%s%n",
                l.name(), w, w / masonWall, c, c / masonCpu, serial);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
