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
import java.util.Locale;
import java.util.Set;
import owsim.experiment.design.CsvDesign;
import owsim.experiment.design.Design;
import owsim.random.Distribution;
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
        return load(file, null);
    }

    /**
     * Reads and checks an experiment file whose base scenario is {@code baseFile} when that is
     * not null ({@code owsim sweep --base FILE}): it replaces the file's {@code base:} and, being
     * named by the user on the command line rather than by a file that may come from elsewhere,
     * may be anywhere.
     */
    public static Experiment load(Path file, Path baseFile) {
        String baseText = null;
        if (baseFile != null) {
            if (!Files.isRegularFile(baseFile)) {
                throw InputException.ofField("--base", "no scenario file '" + baseFile + "'"
                    + (Files.isDirectory(baseFile) ? " (that is a folder)" : ""));
            }
            baseText = InputFiles.read(baseFile);
        }
        return parse(file.toString(), InputFiles.read(file), file.toAbsolutePath().getParent(),
            baseFile == null ? null : baseFile.toString(), baseText);
    }

    /** Parses experiment YAML; {@code dir} resolves the base scenario and csv files. */
    public static Experiment parse(String source, String text, Path dir) {
        return parse(source, text, dir, null, null);
    }

    /**
     * Parses experiment YAML with the base scenario given as text ({@code baseSource} names it in
     * messages) in place of the file's {@code base:}, or, when {@code baseText} is null, the one
     * {@code base:} names, resolved from {@code dir}.
     */
    public static Experiment parse(String source, String text, Path dir, String baseSource, String baseText) {
        ExperimentSpec spec = new StrictYaml().read(source, text, ExperimentSpec.class);
        Scenario base;
        if (baseText != null) {
            base = Scenarios.parse(baseSource, baseText);
        } else if (spec.base().equals("default")) {
            baseText = Scenarios.defaultYaml();
            base = Scenarios.defaultScenario();
        } else {
            Path p = inside(source, text, dir, spec.base(), "base", "a base scenario");
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
            Parameter parameter = ps.toParameter();
            checkRange(source, text, i, base, parameter);
            parameters.add(parameter);
        }
        for (int g = 0; g < spec.shares().size(); g++) parameters.addAll(shareGroup(source, text, g, spec, base, seen));
        List<OutputMetric> metrics = new ArrayList<>();
        if (spec.metrics().isEmpty()) metrics.addAll(OutputMetric.defaults(base));
        Set<String> metricNames = new HashSet<>();
        for (int i = 0; i < spec.metrics().size(); i++) {
            if (!metricNames.add(spec.metrics().get(i))) {
                throw located(source, text, "metrics[" + i + "]", "'" + spec.metrics().get(i) + "' is listed twice; each metric is one results column");
            }
            try {
                metrics.add(OutputMetric.parse(spec.metrics().get(i), base));
            } catch (InputException e) {
                InputException at = located(source, text, "metrics[" + i + "]", e.getMessage());
                if (at.line() == 0) at = StrictYaml.atFieldLine(text, new InputException(source, 0, 0, "metrics", "[" + i + "] " + e.getMessage()));
                throw at;
            }
        }
        if (spec.design().kind().equals("csv")) inside(source, text, dir, spec.design().file(), "design.file", "a csv sample file");
        Design design = spec.design().toDesign(dir);
        String hashed = text;
        if (design instanceof CsvDesign csv) {
            if (!Files.isRegularFile(csv.file())) throw located(source, text, "design.file", "no sample file '" + spec.design().file() + "' next to the experiment file");
            hashed = text + "\n--csv--\n" + InputFiles.read(csv.file());
        }
        checkSize(source, text, spec, design, parameters);
        return new Experiment(source, text, sha256(hashed), spec, base, sha256(baseText), parameters, design, metrics);
    }

    /**
     * Each group of shares' concentrations among {@code parameters}, one line per group, numbers
     * separated by spaces ({@code ResultStore.SHARE_CONCENTRATIONS}); empty when there is no group.
     */
    public static String shareConcentrations(List<Parameter> parameters) {
        List<String> lines = new ArrayList<>();
        for (Parameter p : parameters) {
            if (p.distribution() instanceof Distribution.DirichletShare s && s.component() == 0) {
                List<String> a = new ArrayList<>();
                for (double c : s.concentrations()) a.add(Double.toString(c));
                lines.add(String.join(" ", a));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The parameters of an experiment as stored with its results: its {@code parameters} and then
     * its groups of shares, whose concentrations come from {@code shareConcentrations} (as
     * {@link #shareConcentrations} wrote them; null when the results have none, which suffices
     * only for groups that give {@code concentrations}).
     */
    public static List<Parameter> storedParameters(ExperimentSpec spec, String shareConcentrations) {
        List<Parameter> params = new ArrayList<>();
        for (ParameterSpec p : spec.parameters()) params.add(p.toParameter());
        String[] lines = shareConcentrations == null || shareConcentrations.isEmpty() ? new String[0] : shareConcentrations.split("\n");
        for (int g = 0; g < spec.shares().size(); g++) {
            ShareGroupSpec group = spec.shares().get(g);
            double[] a;
            if (g < lines.length) {
                String[] f = lines[g].trim().split(" ");
                a = new double[f.length];
                for (int i = 0; i < f.length; i++) a[i] = Double.parseDouble(f[i]);
            } else if (group.concentrations() != null) {
                a = group.concentrations().stream().mapToDouble(Double::doubleValue).toArray();
            } else {
                throw new IllegalArgumentException("shares[" + g + "]: the stored results do not say the group's concentrations");
            }
            if (a.length != group.paths().size()) throw new IllegalArgumentException("shares[" + g + "]: " + a.length + " stored concentrations for "
                + group.paths().size() + " paths");
            for (int i = 0; i < a.length; i++) params.add(new Parameter(group.paths().get(i), new Distribution.DirichletShare("shares[" + g + "]", a, i)));
        }
        return params;
    }

    /** Largest gap from 1 allowed in the sum of a group's base values. */
    static final double SHARE_SUM_TOLERANCE = 1e-9;

    /**
     * Group {@code g} of {@code shares:} as parameters, one per path, drawn together: refuses a
     * group with another design than latin-hypercube, a path that is varied twice or is not in
     * the base scenario, paths whose base values are not shares (each in [0, 1], together 1), a
     * concentration centred on a base value of 0, and a corner of the simplex (one share 1, the
     * others 0) the scenario does not allow.
     */
    private static List<Parameter> shareGroup(String source, String text, int g, ExperimentSpec spec, Scenario base, Set<String> seen) {
        String at = "shares[" + g + "]";
        ShareGroupSpec group = spec.shares().get(g);
        if (!spec.design().kind().equals("latin-hypercube")) {
            throw located(source, text, at + ".paths", "groups of shares are drawn by the latin-hypercube design only (its columns"
                + " map to the simplex together); design.kind is '" + spec.design().kind() + "'");
        }
        ScenarioOverrides overrides = new ScenarioOverrides();
        List<String> paths = group.paths();
        int k = paths.size();
        double[] values = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            String path = paths.get(i);
            String field = at + ".paths[" + i + "]";
            if (!seen.add(path)) throw located(source, text, field, "'" + path + "' is varied twice (as a parameter or in a group of shares); list each path once");
            try {
                overrides.check(base, path);
                // The path's grammar, checked here to be refused at its line (the group's parameters are made below).
                new Parameter(path, new Distribution.Uniform(0, 1));
            } catch (InputException | IllegalArgumentException e) {
                throw located(source, text, field, e.getMessage());
            }
            Object v = overrides.value(base, path);
            if (!(v instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
                throw located(source, text, field, "'" + path + "' is " + v + " in the base scenario, not a share; a group lists shares"
                    + " (numbers in [0, 1]) that sum to 1, such as distillers[ID].apiShare, subscriptionShare and freeShare");
            }
            values[i] = n.doubleValue();
            sum += values[i];
        }
        if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
            throw located(source, text, at + ".paths", "the base values of " + String.join(", ", paths) + " sum to " + sum
                + ", not 1: a group lists every share of one split (shares in [0, 1] that sum to 1)");
        }
        double[] a = new double[k];
        for (int i = 0; i < k; i++) {
            if (group.concentrations() != null) {
                a[i] = group.concentrations().get(i);
            } else {
                a[i] = group.concentration() * values[i];
                if (!(a[i] > 0)) {
                    throw located(source, text, at + ".concentration", "'" + paths.get(i) + "' is 0 in the base scenario, so a Dirichlet centred"
                        + " there has a concentration of 0 for it; give 'concentrations', one per path, each above 0");
                }
            }
        }
        String[] pathArray = paths.toArray(new String[0]);
        for (int i = 0; i < k; i++) {
            double[] corner = new double[k];
            corner[i] = 1;
            try {
                overrides.apply(base, pathArray, corner);
            } catch (InputException e) {
                throw located(source, text, at + ".paths[" + i + "]", "a share of 1 for " + paths.get(i) + " (the others 0) is not allowed: "
                    + afterField(e, paths.get(i)));
            }
        }
        List<Parameter> out = new ArrayList<>();
        for (int i = 0; i < k; i++) out.add(new Parameter(paths.get(i), new Distribution.DirichletShare(at, a, i)));
        return out;
    }

    /**
     * Each parameter's extreme values (its range's ends, or every level) set on the base scenario
     * one at a time: a range the scenario does not allow is refused here, at the parameter's line,
     * rather than when a run reaches it. Combinations are checked by {@link ExperimentRunner#checkDesign}.
     */
    private static void checkRange(String source, String text, int i, Scenario base, Parameter parameter) {
        ScenarioOverrides overrides = new ScenarioOverrides();
        Distribution d = parameter.distribution();
        double[] values;
        String field;
        if (d instanceof Distribution.Discrete disc) {
            values = disc.levels();
            field = "levels";
        } else {
            values = new double[] {d.fromUnit(0), d.fromUnit(1)};
            field = "max";
        }
        for (int v = 0; v < values.length; v++) {
            try {
                overrides.apply(base, parameter.path(), values[v]);
            } catch (InputException e) {
                String at = field.equals("levels") ? "levels[" + v + "]" : v == 0 ? "min" : "max";
                throw located(source, text, "parameters[" + i + "]." + at,
                    shown(values[v]) + " is not allowed for " + parameter.path() + ": " + afterField(e, parameter.path()));
            }
        }
    }

    private static String shown(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String afterField(InputException e, String path) {
        String m = e.getMessage();
        String prefix = path + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Most design points (rows of the sample matrix) in one experiment. */
    public static final long MAX_DESIGN_POINTS = 1_000_000;
    /** Most values in the sample matrix (design points x parameters): 128 MiB of doubles. */
    public static final long MAX_SAMPLE_VALUES = 1L << 24;
    /** Most runs (design points x replications) in one experiment. */
    public static final long MAX_RUNS = 10_000_000;

    /**
     * Refuses a design too big to hold or run before anything is allocated, naming the field
     * that sets its size. The limits keep the sample matrix within a default heap.
     */
    private static void checkSize(String source, String text, ExperimentSpec spec, Design design, List<Parameter> parameters) {
        String field = switch (spec.design().kind()) {
            case "grid" -> "design.levels";
            case "latin-hypercube" -> "design.runs";
            case "sobol" -> "design.baseRuns";
            case "morris" -> "design.trajectories";
            case "csv" -> "design.file";
            default -> "parameters";
        };
        long points;
        try {
            points = design.runCount(parameters);
        } catch (IllegalArgumentException e) {
            throw located(source, text, field, e.getMessage());
        }
        String pts = points == Long.MAX_VALUE ? "more than 2^63" : String.format(Locale.ROOT, "%,d", points);
        if (points > MAX_DESIGN_POINTS) {
            throw located(source, text, field, String.format(Locale.ROOT,
                "%s design points, above the limit of %,d per experiment; make the design smaller or split the experiment", pts, MAX_DESIGN_POINTS));
        }
        if (points * parameters.size() > MAX_SAMPLE_VALUES) {
            throw located(source, text, field, String.format(Locale.ROOT,
                "%s design points x %d parameters is above the limit of %,d sampled values per experiment; make the design smaller or vary fewer parameters",
                pts, parameters.size(), MAX_SAMPLE_VALUES));
        }
        if (points * spec.replications() > MAX_RUNS) {
            throw located(source, text, "replications", String.format(Locale.ROOT,
                "%s design points x %d replications is above the limit of %,d runs per experiment", pts, spec.replications(), MAX_RUNS));
        }
    }

    /**
     * A file an experiment names, resolved against the experiment file's folder and required to
     * stay inside it (after following links): an experiment copied from elsewhere cannot make
     * owsim read any file on the machine.
     */
    private static Path inside(String source, String text, Path dir, String name, String field, String what) {
        Path folder = dir.toAbsolutePath().normalize();
        Path p = folder.resolve(name).normalize();
        boolean ok = p.startsWith(folder);
        if (ok && Files.exists(p)) {
            try {
                ok = p.toRealPath().startsWith(folder.toRealPath());
            } catch (java.io.IOException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw located(source, text, field, "'" + name + "' is outside the experiment file's folder; " + what
                + " must be in that folder or below it");
        }
        return p;
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
