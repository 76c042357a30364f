package owsim.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import owsim.experiment.design.CsvDesign;
import owsim.experiment.design.Design;
import owsim.experiment.design.Parameter;
import owsim.io.InputException;
import owsim.io.InputFiles;
import owsim.io.StrictYaml;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.Scenarios;

/** The only place experiment files are read: strict YAML into a checked {@link Experiment}. */
public final class Experiments {
    private Experiments() {}

    /** Reads and checks an experiment file; every error names the file, line and field. */
    public static Experiment load(Path file) {
        return parse(file.toString(), InputFiles.read(file), file.toAbsolutePath().getParent());
    }

    /** Parses experiment YAML; {@code dir} resolves the base scenario and csv files. */
    public static Experiment parse(String source, String text, Path dir) {
        ExperimentSpec spec = new StrictYaml().read(source, text, ExperimentSpec.class);
        String baseText;
        Scenario base;
        if (spec.base().equals("default")) {
            baseText = Scenarios.defaultYaml();
            base = Scenarios.defaultScenario();
        } else {
            Path p = dir.resolve(spec.base());
            if (!Files.isRegularFile(p)) throw located(source, text, "base", "no scenario file '" + spec.base() + "' next to the experiment file (or write 'default')");
            baseText = InputFiles.read(p);
            base = Scenarios.parse(p.toString(), baseText);
        }
        if (spec.months() != null) {
            try {
                base = base.withMonths(spec.months());
            } catch (IllegalArgumentException e) {
                throw located(source, text, "months", e.getMessage());
            }
        }
        ScenarioOverrides overrides = new ScenarioOverrides();
        List<Parameter> parameters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.parameters().size(); i++) {
            ParameterSpec ps = spec.parameters().get(i);
            String field = "parameters[" + i + "].path";
            if (!seen.add(ps.path())) throw located(source, text, field, "'" + ps.path() + "' is varied twice");
            try {
                overrides.check(base, ps.path());
            } catch (InputException e) {
                throw located(source, text, field, e.getMessage());
            }
            parameters.add(ps.toParameter());
        }
        List<OutputMetric> metrics = new ArrayList<>();
        if (spec.metrics().isEmpty()) metrics.addAll(OutputMetric.defaults(base));
        for (int i = 0; i < spec.metrics().size(); i++) {
            try {
                metrics.add(OutputMetric.parse(spec.metrics().get(i), base));
            } catch (InputException e) {
                InputException at = located(source, text, "metrics[" + i + "]", e.getMessage());
                if (at.line() == 0) at = StrictYaml.atFieldLine(text, new InputException(source, 0, 0, "metrics", "[" + i + "] " + e.getMessage()));
                throw at;
            }
        }
        Design design = spec.design().toDesign(dir);
        String hashed = text;
        if (design instanceof CsvDesign csv) {
            if (!Files.isRegularFile(csv.file())) throw located(source, text, "design.file", "no sample file '" + spec.design().file() + "' next to the experiment file");
            hashed = text + "\n--csv--\n" + InputFiles.read(csv.file());
        }
        try {
            long runs = design.runCount(parameters);
            if (runs * spec.replications() > Integer.MAX_VALUE) throw new IllegalArgumentException("too many runs: " + runs + " x " + spec.replications());
        } catch (IllegalArgumentException e) {
            throw located(source, text, "design", e.getMessage());
        }
        return new Experiment(source, text, sha256(hashed), spec, base, sha256(baseText), parameters, design, metrics);
    }

    private static InputException located(String source, String text, String field, String message) {
        return StrictYaml.atFieldLine(text, new InputException(source, 0, 0, field, message));
    }

    /** Hex SHA-256 of UTF-8 text. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
