package owsim.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import owsim.experiment.Experiment;
import owsim.experiment.ExperimentRunner;
import owsim.experiment.Experiments;
import owsim.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit --class owsim.spark.SparkSweep owsim-spark.jar EXPERIMENT --out DIR}: every
 * run of an experiment file on Spark, written as Parquet with the local runner's columns. Exit 0
 * on success, 2 for a usage error (the message names the option or the file, line and field), 1
 * otherwise, as the owsim command.
 */
@Command(name = "owsim-spark-sweep", mixinStandardHelpOptions = true, versionProvider = SparkSweep.Version.class,
    description = {"Runs every run of an experiment file (design points x replications) on Spark and writes",
        "DIR/runs (one row per run, the columns of 'owsim sweep') and DIR/experiment (key, value) as Parquet.",
        "Results equal the local runner's run for run: a run's seed follows from its id."})
public final class SparkSweep implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Spec CommandSpec spec;

    private final SessionProvider sessions;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment YAML file (see docs/EXPERIMENTS.md).")
    Path experiment;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Output directory, any file system Spark writes to; must not exist (default: EXPERIMENT without .yaml, plus -spark).")
    String out;

    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master, e.g. local[2] (default: spark-submit's). Allowed: " + SweepSession.MASTERS + ".")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
        description = "Tasks the runs are split into (default: 4 per core of the cluster). Results do not depend on it.")
    Integer partitions;

    @Option(names = "--base", paramLabel = "FILE",
        description = "Base scenario file in place of the experiment's 'base:'; it may be anywhere (it travels to the executors as text).")
    Path base;

    @Option(names = "--catalog", paramLabel = "FILE",
        description = "YAML file with extra or replacement models and accelerators (same form as the bundled catalog).")
    Path catalog;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public SparkSweep() {
        this(SessionProvider.own());
    }

    SparkSweep(SessionProvider sessions) {
        this.sessions = sessions;
    }

    /** Runs one command line with the given writers. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new SparkSweep(), args, out, err);
    }

    static int execute(SparkSweep command, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("owsim: " + ex.getMessage());
                return EXIT_USAGE;
            }
            cmd.getErr().println("owsim: " + failure(ex));
            return EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("owsim: " + ex.getMessage());
            ex.getCommandLine().getErr().println("See '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) { // picocli hands Exceptions to the handler above, not Errors
            err.println("owsim: out of memory in the Spark driver: try fewer runs, or more driver memory (spark-submit --driver-memory 8g)");
            err.flush();
            return EXIT_FAILURE;
        } catch (Error e) {
            err.println("owsim: the Spark sweep failed: " + (e instanceof StackOverflowError ? "it ran out of stack" : "an internal error")
                + "; this is a bug, please report it with the command line");
            err.flush();
            return EXIT_FAILURE;
        }
    }

    @Override public Integer call() {
        if (partitions != null && partitions < 1) throw new IllegalArgumentException("--partitions: must be at least 1, was " + partitions);
        // Everything that can be checked without Spark is checked before it starts.
        Experiment e = Experiments.load(experiment, base);
        ExperimentSource source = ExperimentSource.of(e, experiment, base, catalog);
        ExperimentRunner runner = new ExperimentRunner(e, source.catalog());
        runner.checkDesign();
        int total = runner.totalRuns();
        String dir = out != null ? out : defaultOut(experiment);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SparkSession spark = sessions.start(SweepSession.conf(master, e.name()));
        try {
            SparkSweepJob job = new SparkSweepJob(spark);
            if (job.exists(dir)) {
                throw new IllegalArgumentException("--out: " + dir + " already exists; a Spark sweep writes its results once: name another directory or delete it");
            }
            int n = partitions != null ? partitions : 4 * spark.sparkContext().defaultParallelism();
            err.printf(Locale.ROOT, "%s: %,d runs (%s design, %d replications), master %s, %d partitions -> %s%n",
                e.name(), total, e.design().name(), e.replications(), spark.sparkContext().master(), n, dir);
            err.flush();
            long start = System.nanoTime();
            TaskProgress progress = new TaskProgress(n, total, err, System::nanoTime);
            spark.sparkContext().addSparkListener(progress);
            try {
                job.run(e, source, total, n, dir, version());
            } finally {
                spark.sparkContext().removeSparkListener(progress);
            }
            double s = (System.nanoTime() - start) / 1e9;
            stdout.printf(Locale.ROOT, "%,d runs made in %.1f s (%.0f runs/s) -> %s%n", total, s, total / Math.max(s, 1e-9), dir);
            stdout.flush();
        } finally {
            sessions.release(spark);
        }
        return EXIT_OK;
    }

    /**
     * A failure in one line or two: Spark wraps a task's exception in a long message with the
     * executor's stack trace; the innermost cause (say "run 12 failed: ...") is what tells.
     */
    static String failure(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String first = ex.getClass().getSimpleName() + ": " + String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
        return root == ex ? first : first + System.lineSeparator() + "owsim: cause: " + root;
    }

    /** EXPERIMENT's directory / its name without .yaml, plus "-spark". */
    static String defaultOut(Path experiment) {
        String name = experiment.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return experiment.toAbsolutePath().getParent().resolve(name + "-spark").toString();
    }

    /** owsim's version from the jar manifest, or "dev" when run from classes (tests, IDE). */
    static String version() {
        String v = SparkSweep.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"owsim-spark " + version()};
        }
    }
}
