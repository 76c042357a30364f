package owsim.experiment.design;

import java.util.List;

/**
 * One-at-a-time runs for a tornado chart: a base run with every parameter at its median
 * (cumulative probability 0.5), then for each parameter a run at its low and one at its high
 * value (cumulative probabilities {@code lowQuantile} and {@code highQuantile}, by default the
 * range's ends), the others held at the base. Runs = 1 + 2k: run 0 is the base, run 1 + 2i is
 * parameter i low, run 2 + 2i is parameter i high. Shows each parameter's swing alone; it says
 * nothing about interactions (use Sobol for those).
 */
public record TornadoDesign(double lowQuantile, double highQuantile) implements Design {
    public TornadoDesign {
        if (!(lowQuantile >= 0 && lowQuantile < 0.5)) throw new IllegalArgumentException("lowQuantile: must be in [0, 0.5), was " + lowQuantile);
        if (!(highQuantile > 0.5 && highQuantile <= 1)) throw new IllegalArgumentException("highQuantile: must be in (0.5, 1], was " + highQuantile);
    }

    /** Low and high at the ends of each range. */
    public TornadoDesign() {
        this(0, 1);
    }

    @Override public String name() { return "tornado"; }

    @Override public long runCount(List<Parameter> parameters) { return 1 + 2L * parameters.size(); }

    @Override public SampleMatrix sample(List<Parameter> parameters, long rootSeed) {
        Design.requireParameters(name(), parameters);
        int k = parameters.size();
        int runs = 1 + 2 * k;
        double[] unit = new double[runs * k];
        java.util.Arrays.fill(unit, 0.5);
        for (int i = 0; i < k; i++) {
            unit[(1 + 2 * i) * k + i] = lowQuantile;
            unit[(2 + 2 * i) * k + i] = highQuantile;
        }
        return Design.fromUnit(name(), parameters, runs, unit);
    }
}
