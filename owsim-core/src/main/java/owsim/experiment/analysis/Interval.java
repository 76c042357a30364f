package owsim.experiment.analysis;

/** A confidence interval [low, high] at a confidence level (0.95 for 95 %). */
public record Interval(double low, double high, double confidence) {
    public Interval {
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        if (low > high) throw new IllegalArgumentException("low " + low + " above high " + high);
    }

    public double halfWidth() { return (high - low) / 2; }

    public boolean contains(double v) { return v >= low && v <= high; }
}
