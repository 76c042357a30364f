package owsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.claims.uncertainty.OutcomeStore;
import owsim.claims.uncertainty.UncertaintyAnalysis;
import owsim.claims.uncertainty.UncertaintyReport;
import owsim.experiment.store.ResultStore;
import owsim.report.ClaimsHtml;
import owsim.report.ClaimsMarkdown;
import owsim.experiment.store.ResultsAnalysis;
import owsim.io.InputException;
import owsim.report.ExperimentReport;
import owsim.report.RunFiles;
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
        "Morris mu*, mu and sigma for a morris design. Prints text tables; --out DIR also writes report.html and report.txt.",
        "Given the store of owsim claims --uncertainty, reports each claim's verdict under uncertainty (report.md and report.html)."})
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
            if (OutcomeStore.isOutcomes(store.meta())) return claims(UncertaintyAnalysis.of(OutcomeStore.of(store)));
            a = ResultsAnalysis.of(store);
        }
        String text = ExperimentReport.text(a);
        if (format.json()) format.printJson(a);
        else spec.commandLine().getOut().print(text);
        if (out != null) {
            if (out.toString().isEmpty()) throw InputException.ofField("--out", "is empty; name a directory");
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("report.txt", text.getBytes(StandardCharsets.UTF_8));
            files.put("report.html", ExperimentReport.html(a).getBytes(StandardCharsets.UTF_8));
            try {
                // Both targets checked and staged before either is replaced: a failure changes nothing.
                RunFiles.writeFiles(out, files);
            } catch (IOException e) {
                throw InputException.ofField("--out", "cannot write to '" + out + "': " + RunCommand.reason(e));
            }
            spec.commandLine().getErr().println("-> " + out.resolve("report.html"));
            spec.commandLine().getErr().flush();
        }
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }

    /** An outcomes store of owsim claims --uncertainty: each claim's verdict under uncertainty. */
    private int claims(UncertaintyReport r) throws Exception {
        String text = ClaimsMarkdown.renderUncertainty(r);
        if (format.json()) format.printJson(r);
        else spec.commandLine().getOut().print(ClaimsCommand.uncertaintyTable(r));
        if (out != null) {
            if (out.toString().isEmpty()) throw InputException.ofField("--out", "is empty; name a directory");
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("report.md", text.getBytes(StandardCharsets.UTF_8));
            files.put("report.html", ClaimsHtml.renderUncertainty(r).getBytes(StandardCharsets.UTF_8));
            try {
                RunFiles.writeFiles(out, files);
            } catch (IOException e) {
                throw InputException.ofField("--out", "cannot write to '" + out + "': " + RunCommand.reason(e));
            }
            spec.commandLine().getErr().println("-> " + out.resolve("report.html"));
            spec.commandLine().getErr().flush();
        }
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
