package owsim.experiment.analysis;

/** Checks on the metric values handed to an analysis. */
final class Outputs {
    private Outputs() {}

    static void check(String metric, double[] outputs, int runs) {
        check(metric, outputs, runs, "run");
    }

    static void check(String metric, double[] outputs, int runs, String what) {
        if (outputs.length != runs) {
            throw new IllegalArgumentException(metric + ": " + outputs.length + " outputs for a design of " + runs + " runs");
        }
        for (int i = 0; i < outputs.length; i++) {
            if (!Double.isFinite(outputs[i])) {
                throw new IllegalArgumentException(metric + ": " + what + " " + i + " gave " + outputs[i] + "; every " + what + " needs a finite value");
            }
        }
    }

    /** The q-quantile of sorted values, by linear interpolation between order statistics. */
    static double quantileSorted(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
