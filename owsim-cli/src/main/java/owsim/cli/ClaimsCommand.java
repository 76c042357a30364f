package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.catalog.Catalog;
import owsim.claims.Claim;
import owsim.claims.ClaimResult;
import owsim.claims.Claims;
import owsim.market.aggregate.AggregateEngine;
import owsim.progress.ProgressListener;
import owsim.progress.ProgressMeter;
import owsim.report.ClaimsHtml;
import owsim.report.ClaimsMarkdown;
import owsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim claims}: tests the ten claims a-j on a scenario and prints (or writes) the verdicts. */
@Command(name = "claims", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Test the ten claims about open weights (a-j) on a scenario: each is an experiment comparing runs",
        "with and without its mechanism. Prints the verdict table; --out also writes CLAIMS.md and claims.html."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the claims were evaluated (and the files written)", "1:a run or the writing failed", "2:bad input"})
final class ClaimsCommand implements Callable<Integer> {
    /** File names written into --out. */
    static final String MARKDOWN = "CLAIMS.md";
    static final String HTML = "claims.html";

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
        description = "Scenario YAML file, or 'default' for the embedded default world.")
    String scenario;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory to write CLAIMS.md and claims.html into (created if missing).")
    Path out;

    @Mixin CatalogOption catalog;
    @Mixin FormatOption format;

    /** Where the web app wants the progress (set before the call); null: the bar on standard error. */
    ProgressListener progress;

    @Override public Integer call() {
        Catalog cat = catalog.load();
        Scenario s = ScenarioArgument.load(scenario, cat);
        List<ClaimResult> results = evaluate(s, new AggregateEngine(cat), progress != null ? progress : ProgressBar.onStderr(spec.commandLine().getErr(), "claims"));
        PrintWriter stdout = spec.commandLine().getOut();
        if (!format.json()) stdout.print(verdictTable(results));
        if (out != null) {
            String command = command(scenario, out);
            try {
                Files.createDirectories(out);
                Files.writeString(out.resolve(MARKDOWN), ClaimsMarkdown.render(s.name(), command, results), StandardCharsets.UTF_8);
                Files.writeString(out.resolve(HTML), ClaimsHtml.render(s.name(), command, results), StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("owsim: cannot write the claims report to '" + out + "': " + RunCommand.reason(e));
                return Main.EXIT_FAILURE;
            }
            spec.commandLine().getErr().println("Wrote " + MARKDOWN + " and " + HTML + " to " + out.toAbsolutePath().normalize());
            spec.commandLine().getErr().flush();
        }
        if (format.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("scenario", s.name());
            result.put("claims", results);
            format.printJson(result);
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** Claims.evaluateAll, one claim at a time so the progress shows (each is several runs; all take seconds). */
    static List<ClaimResult> evaluate(Scenario s, AggregateEngine engine, ProgressListener progress) {
        Claims.requireApplicable(s);
        List<Claim> claims = Claims.all();
        ProgressMeter meter = new ProgressMeter("claims", claims.size(), progress);
        List<ClaimResult> results = new ArrayList<>();
        for (Claim c : claims) {
            results.add(c.evaluate(s, engine));
            meter.advance(1);
        }
        return results;
    }

    /** The command line written into the reports' headers: what regenerates them. */
    static String command(String scenario, Path out) {
        return "owsim claims " + (scenario == null ? ScenarioArgument.DEFAULT : scenario) + " --out " + out.toString().replace('\\', '/');
    }

    static String verdictTable(List<ClaimResult> results) {
        int width = "verdict".length();
        for (ClaimResult r : results) width = Math.max(width, r.verdict().text().length());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-5s  %-" + width + "s  %s%n", "claim", "verdict", "finding"));
        for (ClaimResult r : results) sb.append(String.format("%-5s  %-" + width + "s  %s%n", r.id(), r.verdict().text(), r.finding()));
        return sb.toString();
    }
}
