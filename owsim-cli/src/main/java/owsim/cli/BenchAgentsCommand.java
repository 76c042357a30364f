package owsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import owsim.bench.AgentBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code owsim bench agents}: user-steps per second of the agent engine's month, its arrays vs one object per user. */
@Command(name = "agents", mixinStandardHelpOptions = true,
    description = {"User-steps per second of the agent engine's month on the default scenario (awareness, choice, usage),",
        "for the engine's own array layout and for one object per user, after a warm-up; and their ratio."})
final class BenchAgentsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--users", paramLabel = "N", description = "Users (default: ${DEFAULT-VALUE}).")
    int users = 10_000_000;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the array layout (default: all cores).")
    Integer threads;

    @Option(names = "--months", paramLabel = "M", description = "Measured months per layout; the median is shown (default: ${DEFAULT-VALUE}).")
    int months = 5;

    @Option(names = "--warmup-months", paramLabel = "W", description = "Unmeasured months first, so the JIT has compiled the loop (default: ${DEFAULT-VALUE}).")
    int warmupMonths = 5;

    @Mixin FormatOption format;

    @Override public Integer call() {
        if (users < 1 || users > 100_000_000) throw new IllegalArgumentException("--users: must be from 1 to 100000000, was " + users);
        if (months < 1 || months > 500) throw new IllegalArgumentException("--months: must be from 1 to 500, was " + months);
        if (warmupMonths < 0 || warmupMonths > 99) throw new IllegalArgumentException("--warmup-months: must be from 0 to 99, was " + warmupMonths);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) throw new IllegalArgumentException("--threads: must be >= 1, was " + t);
        // What is being measured is status: standard error, so standard output is the result alone.
        PrintWriter err = spec.commandLine().getErr();
        err.printf("measuring %,d users: %d warm-up + %d measured months per layout...%n", users, warmupMonths, months);
        err.flush();
        AgentBench.Result r = AgentBench.measure(users, t, warmupMonths, months);
        if (format.json()) {
            format.printJson(r);
        } else {
            spec.commandLine().getOut().println(AgentBench.format(r));
            spec.commandLine().getOut().flush();
        }
        return Main.EXIT_OK;
    }
}
