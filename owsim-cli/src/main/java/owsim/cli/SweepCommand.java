package owsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import owsim.experiment.Experiment;
import owsim.experiment.ExperimentRunner;
import owsim.experiment.Experiments;
import owsim.experiment.Sweep;
import owsim.experiment.store.ResultStore;
import owsim.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim sweep EXPERIMENT}: runs an experiment's runs in parallel into a DuckDB results file; resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Runs every run of an experiment file (design points x replications) on a fixed pool of threads",
        "and stores one row per run in an embedded DuckDB file, committed as runs finish.",
        "Run the same command again to resume: runs already stored are skipped."})
final class SweepCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment YAML file (see docs/EXPERIMENTS.md).")
    Path experiment;

    @Option(names = "--out", paramLabel = "FILE", description = "Results file (default: EXPERIMENT with .duckdb).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Mixin CatalogOption catalog;

    @Override public Integer call() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) throw new IllegalArgumentException("--threads: must be from 1 to 1024, was " + t);
        Experiment e = Experiments.load(experiment);
        Path file = out != null ? out : defaultOut(experiment);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentRunner runner = new ExperimentRunner(e, catalog.load());
        long start = System.nanoTime();
        try (ResultStore store = ResultStore.open(file)) {
            store.begin(e, Main.version());
            BitSet done = store.storedRunIds();
            int total = runner.totalRuns();
            int before = done.cardinality();
            err.printf(Locale.ROOT, "%s: %,d runs (%s design, %d replications), %,d already stored, %d threads -> %s%n",
                e.name(), total, e.design().name(), e.replications(), before, t, file);
            err.flush();
            int made = Sweep.run(runner, done, t, store::write, p -> progress(err, p, before, total));
            double s = (System.nanoTime() - start) / 1e9;
            stdout.printf(Locale.ROOT, "%,d runs made, %,d stored of %,d, in %.1f s (%.0f runs/s) -> %s%n",
                made, store.runCount(), total, s, made / Math.max(s, 1e-9), file);
        }
        return Main.EXIT_OK;
    }

    static Path defaultOut(Path experiment) {
        String name = experiment.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path dir = experiment.toAbsolutePath().getParent();
        return dir.resolve(name + ".duckdb");
    }

    private static void progress(PrintWriter err, Progress p, int before, int total) {
        err.printf(Locale.ROOT, "progress %d/%d runs, %.0f runs/s, ETA %s%n", before + p.done(), total, p.ratePerSecond(), eta(p.etaSeconds()));
        err.flush();
    }

    private static String eta(double s) {
        if (!Double.isFinite(s)) return "?";
        long x = Math.round(s);
        return x >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", x / 3600, x / 60 % 60) : String.format(Locale.ROOT, "%dm%02ds", x / 60, x % 60);
    }
}
