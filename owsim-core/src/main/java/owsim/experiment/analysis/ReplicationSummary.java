package owsim.experiment.analysis;

import owsim.random.StudentT;

/**
 * Mean of one metric over the replications of a run, with its t-based confidence interval:
 * mean +/- t_{(1+c)/2, n-1} sd / sqrt(n), sd the sample standard deviation (n - 1). With a
 * single replication sd and the interval are NaN (there is nothing to estimate them from).
 */
public record ReplicationSummary(String metric, int replications, double mean, double sd, double ciLow, double ciHigh, double confidence) {

    /** Summarises the values of one metric over replications. */
    public static ReplicationSummary of(String metric, double[] values, double confidence) {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        Outputs.check(metric, values, values.length, "replication");
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException(metric + ": no replications to summarise");
        double mean = 0;
        for (double v : values) mean += v;
        mean /= n;
        if (n == 1) return new ReplicationSummary(metric, 1, mean, Double.NaN, Double.NaN, Double.NaN, confidence);
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        double sd = Math.sqrt(ss / (n - 1));
        double half = StudentT.quantile((1 + confidence) / 2, n - 1) * sd / Math.sqrt(n);
        return new ReplicationSummary(metric, n, mean, sd, mean - half, mean + half, confidence);
    }

    public double halfWidth() { return (ciHigh - ciLow) / 2; }
}
