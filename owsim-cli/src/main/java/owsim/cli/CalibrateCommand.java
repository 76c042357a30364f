package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import owsim.calibration.Calibration;
import owsim.calibration.CalibrationJson;
import owsim.calibration.CalibrationMarkdown;
import owsim.calibration.CalibrationResult;
import owsim.calibration.Calibrations;
import owsim.calibration.Calibrator;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.io.InputFiles;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim calibrate TARGETS}: fits scenario parameters to public figures and says which the figures identify. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Fit scenario parameters to public figures (a targets file: each figure with its series, months, unit, source,",
        "date and tolerance; the parameters with ranges) over the aggregate engine: Latin-hypercube screening with rejection",
        "ABC, then CMA-ES searches side by side. Prints each target's fit and which parameters the targets identify or leave free.",
        "Same file and seed, same result, whatever --threads. See docs/CALIBRATION.md."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the fit was made (and the files written)", "1:a run or the writing failed", "2:bad input"})
final class CalibrateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGETS", description = "Targets YAML file (see docs/CALIBRATION.md), e.g. calibration/landscape-2025.yaml (the default world's).")
    Path targets;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Base scenario file (default: the embedded default world).")
    String scenario;

    @Option(names = "--params", paramLabel = "SPEC", split = ",", splitSynopsisLabel = ",",
        description = {"Fit these instead of the file's parameters: PATH (with the file's range), PATH=MIN..MAX (uniform)",
            "or PATH=log:MIN..MAX (log-uniform); repeat the option or separate with commas."})
    List<String> params;

    @Option(names = "--out", paramLabel = "DIR", description = "Write NAME.fit.json (the whole result, exact) and NAME.md (the report) into DIR.")
    Path out;

    @Option(names = "--doc", paramLabel = "FILE",
        description = "Replace the generated section of this Markdown file (between the owsim calibrate markers) with the report.")
    Path doc;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Mixin CatalogOption catalog;
    @Mixin FormatOption format;

    @Override public Integer call() throws Exception {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) throw new IllegalArgumentException("--threads: must be from 1 to 1024, was " + t);
        if (params != null && params.stream().anyMatch(String::isBlank)) throw InputException.ofField("--params", "an entry is empty");
        Catalog cat = catalog.load();
        Scenario base = ScenarioArgument.load(scenario, cat);
        String baseName = scenario == null ? ScenarioArgument.DEFAULT : scenario;
        String baseText = scenario == null || scenario.equals(ScenarioArgument.DEFAULT) ? Scenarios.defaultYaml() : InputFiles.read(Path.of(scenario));
        if (doc != null && !Files.isRegularFile(doc)) throw InputException.ofField("--doc", "no file '" + doc + "' (it must exist and hold the two marker lines)");
        AggregateEngine engine = new AggregateEngine(cat);
        Calibration c = Calibrations.load(targets, baseName, baseText, base, params, engine);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "%s: %d parameters, %d targets (%d fitted), %d months; about %,d runs on %d threads%n", c.name(),
            c.parameters().size(), c.targets().size(), c.fitCount(), c.base().months(),
            c.search().screeningRuns() + c.search().starts() * c.search().evaluationsPerStart() + 2 * c.parameters().size() + 2, t);
        err.flush();
        long start = System.nanoTime();
        CalibrationResult r = new Calibrator(engine, t, ProgressBar.onStderr(err, "runs")).run(c);
        err.printf(Locale.ROOT, "fitted in %.1f s%n", (System.nanoTime() - start) / 1e9);
        err.flush();
        String section = CalibrationMarkdown.render(r, command());
        try {
            if (out != null) {
                Files.createDirectories(out);
                String name = targets.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                Files.writeString(out.resolve(name + ".fit.json"), CalibrationJson.write(r), StandardCharsets.UTF_8);
                Files.writeString(out.resolve(name + ".md"), section, StandardCharsets.UTF_8);
                err.println("Wrote " + name + ".fit.json and " + name + ".md to " + out.toAbsolutePath().normalize());
            }
            if (doc != null) {
                String text = Files.readString(doc, StandardCharsets.UTF_8);
                String updated;
                try {
                    updated = CalibrationMarkdown.replaceSection(text, section);
                } catch (IllegalArgumentException noMarkers) {
                    throw InputException.ofField("--doc", doc + ": " + noMarkers.getMessage());
                }
                Files.writeString(doc, updated, StandardCharsets.UTF_8);
                err.println("Updated the generated section of " + doc);
            }
        } catch (IOException e) {
            err.println("owsim: cannot write the calibration: " + RunCommand.reason(e));
            return Main.EXIT_FAILURE;
        }
        err.flush();
        if (format.json()) {
            format.printJson(r);
        } else {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(section);
            stdout.flush();
        }
        return Main.EXIT_OK;
    }

    /** The command line written into the report: what regenerates it. */
    private String command() {
        StringBuilder sb = new StringBuilder("owsim calibrate ").append(targets.toString().replace('\\', '/'));
        if (scenario != null) sb.append(" --scenario ").append(scenario);
        if (params != null && !params.isEmpty()) sb.append(" --params '").append(String.join(",", params)).append("'");
        if (out != null) sb.append(" --out ").append(out.toString().replace('\\', '/'));
        if (doc != null) sb.append(" --doc ").append(doc.toString().replace('\\', '/'));
        return sb.toString();
    }
}
