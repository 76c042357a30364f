package owsim.experiment.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.experiment.design.MorrisSample;
import owsim.random.Seeds;
import owsim.random.SplitMix64;
import owsim.io.Check;

/**
 * Elementary effects (Morris 1991): along each trajectory, EE = (y(after) - y(before)) / step for
 * the parameter that moved; then mu, mu* (Campolongo et al. 2007) and sigma over the r effects of
 * each parameter. The interval on mu* is a seeded percentile bootstrap over trajectories.
 */
public final class MorrisAnalysis {
    private final int bootstrapResamples;
    private final double confidence;
    private final long seed;

    public MorrisAnalysis(int bootstrapResamples, double confidence, long seed) {
        this.bootstrapResamples = Check.nonNegative("bootstrapResamples", bootstrapResamples);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        this.confidence = confidence;
        this.seed = seed;
    }

    public MorrisResult analyze(String metric, MorrisSample sample, double[] outputs) {
        Outputs.check(metric, outputs, sample.matrix().runs());
        int r = sample.trajectories();
        int k = sample.parameters();
        double[][] ee = new double[k][r];  // each trajectory moves each parameter exactly once
        for (int t = 0; t < r; t++) {
            for (int s = 0; s < k; s++) {
                ee[sample.factor(t, s)][t] = (outputs[sample.run(t, s + 1)] - outputs[sample.run(t, s)]) / sample.step(t, s);
            }
        }
        SplitMix64 rng = Seeds.stream(seed, "morris-bootstrap");
        double[][] boot = new double[k][bootstrapResamples];
        int[] pick = new int[r];
        for (int b = 0; b < bootstrapResamples; b++) {
            for (int t = 0; t < r; t++) pick[t] = rng.nextInt(r);
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int t : pick) s += Math.abs(ee[i][t]);
                boot[i][b] = s / r;
            }
        }
        List<MorrisEffect> effects = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double mu = 0;
            double muStar = 0;
            for (double e : ee[i]) {
                mu += e;
                muStar += Math.abs(e);
            }
            mu /= r;
            muStar /= r;
            double ss = 0;
            for (double e : ee[i]) ss += (e - mu) * (e - mu);
            double sigma = Math.sqrt(ss / (r - 1));
            effects.add(new MorrisEffect(sample.matrix().paths().get(i), mu, muStar, sigma, interval(muStar, boot[i]), r));
        }
        return new MorrisResult(metric, effects);
    }

    private Interval interval(double estimate, double[] boot) {
        if (boot.length == 0) return new Interval(estimate, estimate, confidence);
        double[] sorted = boot.clone();
        Arrays.sort(sorted);
        double alpha = (1 - confidence) / 2;
        return new Interval(Outputs.quantileSorted(sorted, alpha), Outputs.quantileSorted(sorted, 1 - alpha), confidence);
    }
}
