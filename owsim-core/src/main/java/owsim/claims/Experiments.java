package owsim.claims;

import java.util.function.DoublePredicate;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.Series;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;

/** Shared pieces of the claims' experiments: lab roles, series readers, switches and bisection. */
final class Experiments {
    private Experiments() {}

    /** Below this an effect counts as none (model rounding, not an effect). */
    static final double NEGLIGIBLE = 1e-9;

    // Thread-safe; caches record reflection for every claim.
    private static final ScenarioOverrides OVERRIDES = new ScenarioOverrides();

    /** The open challenger: the lab named open-challenger, else the first lab releasing open weights, else the last lab. */
    static String challenger(Scenario s) {
        if (s.labIndex("open-challenger") >= 0) return "open-challenger";
        for (LabSpec l : s.labs()) if (!l.policy().equals("closed")) return l.id();
        return s.labs().get(s.labs().size() - 1).id();
    }

    /** The closed frontier lab: the closed lab with the largest training run, else the largest lab. */
    static String frontier(Scenario s) {
        LabSpec best = null;
        for (LabSpec l : s.labs()) {
            if (!l.policy().equals("closed")) continue;
            if (best == null || l.trainingComputeFlop() > best.trainingComputeFlop()) best = l;
        }
        if (best == null) for (LabSpec l : s.labs()) if (best == null || l.trainingComputeFlop() > best.trainingComputeFlop()) best = l;
        return best.id();
    }

    /** The lab with the largest reach into its own other apps. */
    static String appGiant(Scenario s) {
        LabSpec best = s.labs().get(0);
        for (LabSpec l : s.labs()) if (l.distributionReachUsers() > best.distributionReachUsers()) best = l;
        return best.id();
    }

    /** The base with one mechanism switched. */
    static Scenario with(Scenario s, MechanismSwitch mechanism, boolean on) {
        return s.with(mechanism, on);
    }

    static boolean isOn(Scenario s, MechanismSwitch mechanism) {
        return s.mechanisms().isOn(mechanism);
    }

    static LabSummary lab(RunResult r, String id) {
        for (LabSummary l : r.labs()) if (l.id().equals(id)) return l;
        throw new IllegalStateException("run has no lab '" + id + "'");
    }

    static double[] values(RunResult r, String entity, String metric) {
        Series s = r.series(entity, metric);
        if (s == null) throw new IllegalStateException("run has no series " + entity + "/" + metric);
        return s.values();
    }

    static double last(RunResult r, String entity, String metric) {
        double[] v = values(r, entity, metric);
        return v[v.length - 1];
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) sum += x;
        return v.length == 0 ? 0 : sum / v.length;
    }

    static double[] months(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return x;
    }

    /**
     * The x in [lo, hi] where {@code test} changes value, by bisection on a log scale (lo, hi &gt; 0);
     * the caller has checked that test(lo) != test(hi).
     */
    static double bisectLog(double lo, double hi, DoublePredicate test, int steps) {
        boolean atLo = test.test(lo);
        double a = Math.log(lo);
        double b = Math.log(hi);
        for (int i = 0; i < steps; i++) {
            double mid = 0.5 * (a + b);
            if (test.test(Math.exp(mid)) == atLo) a = mid;
            else b = mid;
        }
        return Math.exp(0.5 * (a + b));
    }

    /**
     * The scenario with the field at a dotted path set, rebuilt and validated as if read from YAML.
     * Claims build their variants by path, never through a record's positional constructor, so a
     * new scenario field does not touch them.
     */
    static Scenario set(Scenario s, String path, Object value) {
        return OVERRIDES.apply(s, path, value);
    }

    /** The path of one lab's field ({@code labs[open-challenger].marketingUsdPerMonth}). */
    static String labField(String lab, String field) {
        return "labs[" + lab + "]." + field;
    }

    /** The scenario with one lab replaced. */
    static Scenario withLab(Scenario s, LabSpec lab) {
        java.util.List<LabSpec> labs = new java.util.ArrayList<>();
        for (LabSpec l : s.labs()) labs.add(l.id().equals(lab.id()) ? lab : l);
        return s.withLabs(labs);
    }

    static LabSpec spec(Scenario s, String id) { return s.labs().get(s.labIndex(id)); }
}
