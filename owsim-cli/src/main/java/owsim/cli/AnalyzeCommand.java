package owsim.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import owsim.experiment.store.ResultStore;
import owsim.experiment.store.ResultsAnalysis;
import owsim.report.ExperimentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim analyze RESULTS}: metric means and intervals, Sobol or Morris indices, as text and HTML. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Analyses a results file from owsim sweep: per metric the mean over runs with its 95%% interval and",
        "the mean replication interval per design point; Sobol S1/ST with bootstrap intervals for a sobol design,",
        "Morris mu*, mu and sigma for a morris design. Prints text tables; --out DIR also writes report.html and report.txt."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "Results file written by owsim sweep, or the --out directory of a Spark sweep (Parquet).")
    Path results;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for report.html (self-contained, inline SVG) and report.txt.")
    Path out;

    @Mixin FormatOption format;

    @Override public Integer call() throws Exception {
        ResultsAnalysis a;
        try (ResultStore store = ResultStore.openExisting(results)) {
            a = ResultsAnalysis.of(store);
        }
        String text = ExperimentReport.text(a);
        if (format.json()) format.printJson(a);
        else spec.commandLine().getOut().print(text);
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.txt"), text, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("report.html"), ExperimentReport.html(a), StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("-> " + out.resolve("report.html"));
            spec.commandLine().getErr().flush();
        }
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
