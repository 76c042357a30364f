package owsim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.experiment.store.ResultStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim export RESULTS --csv|--parquet}: the runs table of a results file as CSV or Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes the runs of a results file (from owsim sweep, or a Spark sweep's output directory), one row per run",
        "ordered by run id, as CSV or Parquet. Columns get names R reads as written (see docs/EXPERIMENTS.md); the seed is text."})
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "Results file written by owsim sweep, or the --out directory of a Spark sweep.")
    Path results;

    static final class Format {
        @Option(names = "--csv", required = true, description = "CSV with a header row.") boolean csv;
        @Option(names = "--parquet", required = true, description = "Apache Parquet.") boolean parquet;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: RESULTS with .csv or .parquet).")
    Path out;

    @Mixin FormatOption output;

    @Option(names = "--original-names", description = "Keep the results file's column names (in:PATH, out:METRIC) instead of "
        + "names R, pandas and SQL read as written (in_PATH, out_METRIC: every run of other characters becomes one _).")
    boolean originalNames;

    @Override public Integer call() throws Exception {
        boolean parquet = format.parquet;
        Path target = out != null ? out
            : results.toAbsolutePath().resolveSibling(results.getFileName().toString().replaceFirst("\\.duckdb$", "") + (parquet ? ".parquet" : ".csv"));
        try (ResultStore store = ResultStore.openExisting(results)) {
            store.export(target, parquet, !originalNames);
            if (output.json()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("runs", store.runCount());
                result.put("file", target.toAbsolutePath().normalize().toString());
                result.put("fileFormat", parquet ? "parquet" : "csv");
                output.printJson(result);
            } else {
                // The file is the result; where it went is status, on standard error.
                spec.commandLine().getErr().printf("%,d runs -> %s%n", store.runCount(), target);
                spec.commandLine().getErr().flush();
            }
        }
        return Main.EXIT_OK;
    }
}
