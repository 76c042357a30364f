package owsim.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import owsim.experiment.Experiments;
import owsim.experiment.ParameterSpec;
import owsim.experiment.design.Parameter;
import owsim.io.InputException;
import owsim.io.InputFiles;
import owsim.io.StrictYaml;
import owsim.io.Suggest;
import owsim.market.RunResult;
import owsim.market.Series;
import owsim.market.aggregate.AggregateEngine;
import owsim.random.Distribution;
import owsim.scenario.Months;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;

/**
 * The only place targets files are read: strict YAML into a checked {@link Calibration}. Every
 * error names the file, line and field, and says what is allowed; nothing is run but one run of
 * the base scenario, which shows which series exist.
 */
public final class Calibrations {
    private Calibrations() {}

    /**
     * Reads and checks a targets file against a base scenario.
     *
     * @param baseName how the base is named in reports ("default" or its file)
     * @param baseText the base scenario's text (hashed, so a stored fit knows its inputs)
     * @param params {@code --params} given on the command line (null or empty: the file's parameters)
     */
    public static Calibration load(Path file, String baseName, String baseText, Scenario base, List<String> params, AggregateEngine engine) {
        return parse(file.toString(), InputFiles.read(file), baseName, baseText, base, params, engine);
    }

    public static Calibration parse(String source, String text, String baseName, String baseText, Scenario base, List<String> params,
                                    AggregateEngine engine) {
        CalibrationSpec spec = new StrictYaml().read(source, text, CalibrationSpec.class);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < spec.targets().size(); i++) {
            if (!ids.add(spec.targets().get(i).id())) throw located(source, text, "targets[" + i + "].id", "'" + spec.targets().get(i).id() + "' is used twice");
        }
        if (spec.targets().stream().noneMatch(TargetSpec::fitted)) {
            throw located(source, text, "targets", "no target has use: fit, so there is nothing to fit (use: check holds a target out)");
        }
        List<Parameter> parameters = params == null || params.isEmpty()
            ? fileParameters(source, text, spec, base)
            : commandLineParameters(params, spec, base);
        List<Target> targets = new ArrayList<>();
        int months = 0;
        for (int i = 0; i < spec.targets().size(); i++) {
            Target t = resolve(source, text, i, spec.targets().get(i), base);
            targets.add(t);
            months = Math.max(months, t.to() + 1);
        }
        // The months before the last target's do not depend on the run's length (no mechanism looks
        // ahead; CalibrationTest checks it), so the fit runs only as far as the targets need.
        Scenario cut = base.withMonths(months);
        RunResult first = engine.run(cut);
        for (int i = 0; i < targets.size(); i++) checkSeries(source, text, i, targets.get(i).spec(), first);
        StringBuilder fitted = new StringBuilder();
        for (Parameter p : parameters) fitted.append(p.path()).append(' ').append(p.distribution().describe()).append('\n');
        String hash = Experiments.sha256(text + "\n--base--\n" + baseText + "\n--parameters--\n" + fitted);
        return new Calibration(source, text, hash, baseName, cut, spec, parameters, targets);
    }

    private static List<Parameter> fileParameters(String source, String text, CalibrationSpec spec, Scenario base) {
        if (spec.parameters().isEmpty()) {
            throw located(source, text, "parameters", "at least one is required (or give --params on the command line)");
        }
        List<Parameter> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < spec.parameters().size(); i++) {
            ParameterSpec ps = spec.parameters().get(i);
            String field = "parameters[" + i + "]";
            if (!seen.add(ps.path())) throw located(source, text, field + ".path", "'" + ps.path() + "' is fitted twice");
            if (ps.distribution().equals("discrete")) {
                throw located(source, text, field + ".distribution", "discrete levels cannot be fitted by a continuous optimiser; use uniform, log-uniform or normal");
            }
            try {
                new ScenarioOverrides().check(base, ps.path());
            } catch (InputException e) {
                throw located(source, text, field + ".path", e.getMessage());
            }
            Parameter p = ps.toParameter();
            String bad = rangeProblem(base, p);
            if (bad != null) throw located(source, text, field + ".max", bad);
            out.add(p);
        }
        return out;
    }

    /**
     * {@code --params}: each is PATH (a parameter of the file, with its range), PATH=MIN..MAX (uniform)
     * or PATH=log:MIN..MAX (log-uniform). Given, they replace the file's list.
     */
    static List<Parameter> commandLineParameters(List<String> params, CalibrationSpec spec, Scenario base) {
        Map<String, ParameterSpec> declared = new LinkedHashMap<>();
        for (ParameterSpec ps : spec.parameters()) declared.put(ps.path(), ps);
        List<Parameter> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String given : params) {
            int eq = given.indexOf('=');
            String path = eq < 0 ? given.trim() : given.substring(0, eq).trim();
            if (!seen.add(path)) throw InputException.ofField("--params", "'" + path + "' is given twice");
            Parameter p;
            if (eq < 0) {
                ParameterSpec ps = declared.get(path);
                if (ps == null) {
                    String near = declared.isEmpty() ? "" : "; did you mean '" + Suggest.closest(path, declared.keySet(), 1).get(0) + "'?";
                    throw InputException.ofField("--params", "'" + path + "' has no range in the targets file" + near
                        + " Give one as PATH=MIN..MAX or PATH=log:MIN..MAX");
                }
                if (ps.distribution().equals("discrete")) throw InputException.ofField("--params", "'" + path + "' is discrete; give it a range as PATH=MIN..MAX");
                p = ps.toParameter();
            } else {
                String range = given.substring(eq + 1).trim();
                boolean log = range.startsWith("log:");
                if (log) range = range.substring(4);
                int dots = range.indexOf("..");
                if (dots < 0) throw InputException.ofField("--params", "write PATH=MIN..MAX or PATH=log:MIN..MAX, was '" + given + "'");
                double min;
                double max;
                try {
                    min = Double.parseDouble(range.substring(0, dots).trim());
                    max = Double.parseDouble(range.substring(dots + 2).trim());
                } catch (NumberFormatException e) {
                    throw InputException.ofField("--params", "MIN and MAX must be numbers, was '" + given + "'");
                }
                try {
                    p = new Parameter(path, log ? new Distribution.LogUniform(min, max) : new Distribution.Uniform(min, max));
                } catch (IllegalArgumentException e) {
                    throw InputException.ofField("--params", path + ": " + e.getMessage());
                }
            }
            try {
                new ScenarioOverrides().check(base, path);
            } catch (InputException e) {
                throw InputException.ofField("--params", e.getMessage());
            }
            String bad = rangeProblem(base, p);
            if (bad != null) throw InputException.ofField("--params", bad);
            out.add(p);
        }
        return out;
    }

    /** Each end of the range set on the base alone; null when both are allowed. */
    private static String rangeProblem(Scenario base, Parameter p) {
        double[] ends = {p.distribution().fromUnit(0), p.distribution().fromUnit(1)};
        for (double v : ends) {
            try {
                new ScenarioOverrides().apply(base, p.path(), v);
            } catch (InputException e) {
                return v + " is not allowed for " + p.path() + ": " + e.getMessage();
            }
        }
        return null;
    }

    private static Target resolve(String source, String text, int i, TargetSpec t, Scenario base) {
        String field = "targets[" + i + "]." + (t.at() != null ? "at" : t.sum() != null ? "sum" : t.mean() != null ? "mean" : "change");
        Target.Kind kind = t.at() != null ? Target.Kind.AT : t.sum() != null ? Target.Kind.SUM : t.mean() != null ? Target.Kind.MEAN : Target.Kind.CHANGE;
        List<String> months = t.at() != null ? List.of(t.at(), t.at()) : t.sum() != null ? t.sum() : t.mean() != null ? t.mean() : t.change();
        int from = Months.index(base.startMonth(), months.get(0));
        int to = Months.index(base.startMonth(), months.get(1));
        String span = base.startMonth() + " to " + Months.label(base.startMonth(), base.months() - 1);
        if (from < 0) throw located(source, text, field, months.get(0) + " is before the scenario starts (" + span + ")");
        if (to >= base.months()) throw located(source, text, field, months.get(1) + " is after the scenario ends (" + span + ")");
        return new Target(t, kind, from, to);
    }

    private static void checkSeries(String source, String text, int i, TargetSpec t, RunResult r) {
        Set<String> entities = new LinkedHashSet<>();
        List<String> metrics = new ArrayList<>();
        for (Series s : r.series()) {
            entities.add(s.entity());
            if (s.entity().equals(t.entity())) metrics.add(s.metric());
        }
        String field = "targets[" + i + "].";
        if (!entities.contains(t.entity())) {
            throw located(source, text, field + "entity", "no entity '" + t.entity() + "' in the scenario; did you mean '"
                + Suggest.closest(t.entity(), entities, 1).get(0) + "'? Entities: " + String.join(", ", entities));
        }
        for (String[] m : new String[][] {{"metric", t.metric()}, {"per", t.per()}}) {
            if (m[1] == null || metrics.contains(m[1])) continue;
            throw located(source, text, field + m[0], "'" + t.entity() + "' has no series '" + m[1] + "'; did you mean '"
                + Suggest.closest(m[1], metrics, 1).get(0) + "'? Its series: " + String.join(", ", metrics));
        }
    }

    private static InputException located(String source, String text, String field, String message) {
        return StrictYaml.atFieldLine(text, new InputException(source, 0, 0, field, message));
    }
}
