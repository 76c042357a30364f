package owsim.calibration;

import java.util.List;
import owsim.experiment.design.Parameter;
import owsim.io.InputException;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;

/**
 * The calibration's objective: a point in the unit cube (one coordinate per parameter, mapped
 * through its range as an experiment's designs map theirs) to the model's figure for every target,
 * and those figures to the weighted loss over the fitted targets. Thread-safe: the engine's caches
 * are concurrent and everything else is immutable.
 */
final class Objective {
    /** Loss of a point the scenario refuses or whose run fails: worse than any real miss. */
    static final double REFUSED = 1e12;

    private final Calibration calibration;
    private final AggregateEngine engine;
    private final ScenarioOverrides overrides = new ScenarioOverrides();
    private final String[] paths;

    Objective(Calibration calibration, AggregateEngine engine) {
        this.calibration = calibration;
        this.engine = engine;
        this.paths = calibration.paths();
    }

    /** The parameters' values at unit point {@code u}. */
    double[] values(double[] u) {
        List<Parameter> ps = calibration.parameters();
        double[] v = new double[ps.size()];
        for (int k = 0; k < v.length; k++) v[k] = ps.get(k).distribution().fromUnit(Math.min(1, Math.max(0, u[k])));
        return v;
    }

    /** Each target's model figure at unit point {@code u}; all NaN if the scenario there is refused. */
    double[] figures(double[] u) {
        Scenario s;
        RunResult r;
        try {
            s = overrides.apply(calibration.base(), paths, values(u));
            r = engine.run(s);
        } catch (InputException refused) {
            double[] nan = new double[calibration.targets().size()];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return figures(r);
    }

    /** Each target's model figure in a run. */
    double[] figures(RunResult r) {
        List<Target> ts = calibration.targets();
        double[] f = new double[ts.size()];
        for (int t = 0; t < f.length; t++) f[t] = ts.get(t).model(r);
        return f;
    }

    /** Sum of weight x z^2 over the fitted targets; {@link #REFUSED} if any is not a number. */
    double loss(double[] figures) {
        List<Target> ts = calibration.targets();
        double loss = 0;
        for (int t = 0; t < figures.length; t++) {
            Target target = ts.get(t);
            if (!target.spec().fitted()) continue;
            double z = target.z(figures[t]);
            if (Double.isNaN(z)) return REFUSED;
            loss += target.spec().weight() * z * z;
        }
        return loss;
    }

    /** sqrt(weight) x z of each fitted target, in file order: the residuals whose squares the loss sums. */
    double[] residuals(double[] figures) {
        List<Target> ts = calibration.targets();
        double[] r = new double[calibration.fitCount()];
        int i = 0;
        for (int t = 0; t < figures.length; t++) {
            Target target = ts.get(t);
            if (target.spec().fitted()) r[i++] = Math.sqrt(target.spec().weight()) * target.z(figures[t]);
        }
        return r;
    }
}
