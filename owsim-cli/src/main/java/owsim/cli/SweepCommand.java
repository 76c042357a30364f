package owsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import owsim.experiment.Experiment;
import owsim.experiment.ExperimentRunner;
import owsim.experiment.Experiments;
import owsim.experiment.Sweep;
import owsim.experiment.store.ResultStore;
import owsim.io.InputException;
import owsim.io.StrictYaml;
import owsim.market.EngineKind;
import owsim.market.agent.AgentMemory;
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
        "Run the same command again to resume: runs already stored are skipped.",
        "With --master, runs them on Spark instead and writes Parquet tables (same columns, same values) to a directory."})
final class SweepCommand implements Callable<Integer>, Failures.MemoryHint {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment YAML file (see docs/EXPERIMENTS.md).")
    Path experiment;

    // Text, not a Path: with --master it may be a URI Spark writes to (hdfs://...).
    @Option(names = "--out", paramLabel = "FILE",
        description = "Results file (default: EXPERIMENT with .duckdb); with --master a new directory (default: EXPERIMENT-spark).")
    String out;

    @Option(names = "--base", paramLabel = "FILE",
        description = {"Base scenario file in place of the experiment's 'base:' (which must lie in the experiment's folder);",
            "this one may be anywhere. Give it again to resume."})
    Path base;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--master", paramLabel = "URL",
        description = "Run on Spark with this master, e.g. local[2] (also spark://HOST:PORT, yarn, k8s://...); needs the owsim-spark module built.")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "With --master: tasks the runs are split into (default: 4 per core).")
    Integer partitions;

    @Mixin CatalogOption catalog;
    @Mixin FormatOption format;

    @Override public String memoryHint() {
        return "experiment (fewer runs, replications or candidates) or fewer --threads";
    }

    @Override public Integer call() throws Exception {
        if (master != null) return onSpark();
        if (partitions != null) throw new IllegalArgumentException("--partitions: only with --master (Spark); the local runner takes --threads");
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) throw new IllegalArgumentException("--threads: must be from 1 to 1024, was " + t);
        Experiment e = Experiments.load(experiment, base);
        Path file = out != null ? Path.of(out) : defaultOut(experiment);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (e.spec().engineKind() == EngineKind.AGENT) {
            try {
                AgentMemory.check("users", e.spec().users(), t, e.base().network(), AgentMemory.availableBytes());
            } catch (InputException tooMany) {
                throw StrictYaml.atFieldLine(e.yamlText(), new InputException(e.source(), 0, 0, "users",
                    tooMany.getMessage().substring("users: ".length()) + " (or fewer --threads)"));
            }
        }
        ExperimentRunner runner = new ExperimentRunner(e, catalog.load());
        runner.checkDesign(t);
        long start = System.nanoTime();
        try (ResultStore store = ResultStore.open(file)) {
            store.begin(e, Main.version());
            BitSet done = store.storedRunIds();
            int total = runner.totalRuns();
            int before = done.cardinality();
            err.printf(Locale.ROOT, "%s: %,d runs (%s design, %d replications), %,d already stored, %d threads -> %s%n",
                e.name(), total, e.design().name(), e.replications(), before, t, file);
            err.flush();
            int made;
            try {
                made = Sweep.run(runner, done, t, store::write, ProgressBar.onStderr(err, "runs"));
            } catch (Sweep.SweepFailedException failed) {
                // Not an input error: exit 1, with the sweep's own account of what is kept.
                err.println("owsim: " + failed.getMessage());
                err.flush();
                return Main.EXIT_FAILURE;
            }
            double s = (System.nanoTime() - start) / 1e9;
            if (format.json()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("experiment", e.name());
                result.put("runsMade", made);
                result.put("runsStored", store.runCount());
                result.put("runsTotal", total);
                result.put("seconds", s);
                result.put("file", file.toAbsolutePath().normalize().toString());
                format.printJson(result);
            } else {
                stdout.printf(Locale.ROOT, "%,d runs made, %,d stored of %,d, in %.1f s (%.0f runs/s) -> %s%n",
                    made, store.runCount(), total, s, made / Math.max(s, 1e-9), file);
                stdout.flush();
            }
        }
        return Main.EXIT_OK;
    }

    /** The same sweep on Spark, in a child JVM (see {@link SparkSweepLauncher}); its exit status is this command's. */
    private int onSpark() throws Exception {
        if (format.json()) {
            throw InputException.ofField("--format", "json is not available with --master: the Spark job prints a text summary"
                + " (its results are the Parquet tables it writes)");
        }
        if (threads != null) {
            throw new IllegalArgumentException("--threads: not with --master; the master sets Spark's parallelism (local[N]) and --partitions its task count");
        }
        SparkSweepLauncher spark = new SparkSweepLauncher(SparkSweepLauncher.besideThisCommand());
        Optional<String> missing = spark.missing();
        if (missing.isPresent()) {
            spec.commandLine().getErr().println("owsim: " + missing.get());
            return Main.EXIT_FAILURE;
        }
        List<String> args = new ArrayList<>(List.of(experiment.toString(), "--master", master));
        if (out != null) args.addAll(List.of("--out", out));
        if (partitions != null) args.addAll(List.of("--partitions", partitions.toString()));
        if (base != null) args.addAll(List.of("--base", base.toString()));
        if (catalog.file != null) args.addAll(List.of("--catalog", catalog.file.toString()));
        return spark.run(args, master.startsWith("local"), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static Path defaultOut(Path experiment) {
        String name = experiment.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path dir = experiment.toAbsolutePath().getParent();
        return dir.resolve(name + ".duckdb");
    }

}
