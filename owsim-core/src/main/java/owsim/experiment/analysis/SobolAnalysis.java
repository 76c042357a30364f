package owsim.experiment.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.experiment.design.SaltelliSample;
import owsim.random.Seeds;
import owsim.random.SplitMix64;
import owsim.io.Check;

/**
 * Sobol sensitivity indices from a Saltelli design. With y_A, y_B, y_ABi the outputs on the rows
 * of A, B and A_B^(i), and V the variance of y_A and y_B pooled:
 * <ul>
 *   <li>first order (Saltelli et al. 2010, Table 2 (b)): S_i = mean(y_B (y_ABi - y_A)) / V</li>
 *   <li>total (Jansen 1999, Table 2 (f) there): ST_i = mean((y_A - y_ABi)^2) / (2 V)</li>
 * </ul>
 * Confidence intervals: percentile bootstrap over the N base points (the same resample for all
 * indices, so they stay paired), from a seeded stream. Estimates may fall slightly outside [0, 1]
 * by sampling error; they are reported as computed.
 */
public final class SobolAnalysis {
    private final int bootstrapResamples;
    private final double confidence;
    private final long seed;

    /**
     * @param bootstrapResamples resamples for the intervals (0: intervals collapse to the estimate)
     * @param confidence e.g. 0.95
     * @param seed seed of the bootstrap stream
     */
    public SobolAnalysis(int bootstrapResamples, double confidence, long seed) {
        this.bootstrapResamples = Check.nonNegative("bootstrapResamples", bootstrapResamples);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        this.confidence = confidence;
        this.seed = seed;
    }

    /** The indices of one metric; {@code outputs[run]} is the metric of each run of the design. */
    public SobolResult analyze(String metric, SaltelliSample sample, double[] outputs) {
        Outputs.check(metric, outputs, sample.matrix().runs());
        int n = sample.baseRuns();
        int k = sample.parameters();
        if (n < 2) throw new IllegalArgumentException(metric + ": Sobol indices need at least 2 base runs, the design has " + n);
        // Regroup into contiguous columns: ya[j], yb[j], yab[i][j]
        double[] ya = new double[n];
        double[] yb = new double[n];
        double[][] yab = new double[k][n];
        for (int j = 0; j < n; j++) {
            ya[j] = outputs[sample.indexA(j)];
            yb[j] = outputs[sample.indexB(j)];
            for (int i = 0; i < k; i++) yab[i][j] = outputs[sample.indexAB(i, j)];
        }
        int[] identity = new int[n];
        for (int j = 0; j < n; j++) identity[j] = j;
        double[] first = new double[k];
        double[] total = new double[k];
        double variance = estimate(ya, yb, yab, identity, first, total);
        if (!(variance > 0)) {
            throw new IllegalArgumentException(metric + ": the output does not vary over the design (variance "
                + variance + "), so it has no Sobol indices");
        }

        double[][] bootFirst = new double[k][bootstrapResamples];
        double[][] bootTotal = new double[k][bootstrapResamples];
        SplitMix64 rng = Seeds.stream(seed, "sobol-bootstrap");
        int[] pick = new int[n];
        double[] f = new double[k];
        double[] t = new double[k];
        for (int b = 0; b < bootstrapResamples; b++) {
            for (int j = 0; j < n; j++) pick[j] = rng.nextInt(n);
            estimate(ya, yb, yab, pick, f, t);
            for (int i = 0; i < k; i++) {
                bootFirst[i][b] = f[i];
                bootTotal[i][b] = t[i];
            }
        }
        List<SobolIndex> indices = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            indices.add(new SobolIndex(sample.matrix().paths().get(i),
                first[i], interval(first[i], bootFirst[i]), total[i], interval(total[i], bootTotal[i])));
        }
        return new SobolResult(metric, variance, n, bootstrapResamples, indices);
    }

    /** Fills first and total for the base points in pick; returns the pooled variance. */
    private static double estimate(double[] ya, double[] yb, double[][] yab, int[] pick, double[] first, double[] total) {
        int n = pick.length;
        double sum = 0;
        for (int j : pick) sum += ya[j] + yb[j];
        double mean = sum / (2.0 * n);
        double ss = 0;
        for (int j : pick) {
            double da = ya[j] - mean;
            double db = yb[j] - mean;
            ss += da * da + db * db;
        }
        double variance = ss / (2.0 * n);
        for (int i = 0; i < first.length; i++) {
            double[] y = yab[i];
            double sf = 0;
            double st = 0;
            for (int j : pick) {
                double d = y[j] - ya[j];
                sf += yb[j] * d;
                st += d * d;
            }
            first[i] = variance > 0 ? sf / n / variance : Double.NaN;
            total[i] = variance > 0 ? st / (2.0 * n) / variance : Double.NaN;
        }
        return variance;
    }

    private Interval interval(double estimate, double[] boot) {
        if (boot.length == 0) return new Interval(estimate, estimate, confidence);
        double[] sorted = boot.clone();
        Arrays.sort(sorted);
        double alpha = (1 - confidence) / 2;
        return new Interval(Outputs.quantileSorted(sorted, alpha), Outputs.quantileSorted(sorted, 1 - alpha), confidence);
    }
}
