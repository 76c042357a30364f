package owsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code owsim bench}: quick side-by-side speed measurements; one subcommand per engine. */
@Command(name = "bench", description = "Measure engine speed in a warm JVM (JMH in owsim-bench is the reference).",
    subcommands = {BenchAgentsCommand.class, BenchServeCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_USAGE;
    }
}
