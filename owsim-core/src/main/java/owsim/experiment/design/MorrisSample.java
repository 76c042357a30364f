package owsim.experiment.design;

/**
 * A Morris design's runs and, for step s of trajectory t, which parameter moved
 * ({@code factor(t, s)}) and by how much in its unit range ({@code step(t, s)}, +Delta or -Delta).
 * Point s of trajectory t is run {@code t (k + 1) + s}.
 */
public final class MorrisSample {
    private final SampleMatrix matrix;
    private final int trajectories;
    private final int parameters;
    private final int[] factors;
    private final double[] steps;

    public MorrisSample(SampleMatrix matrix, int trajectories, int parameters, int[] factors, double[] steps) {
        if ((long) trajectories * (parameters + 1) != matrix.runs()
            || factors.length != trajectories * parameters || steps.length != factors.length) {
            throw new IllegalArgumentException("inconsistent Morris sample: " + trajectories + " trajectories of "
                + parameters + " parameters, " + matrix.runs() + " runs");
        }
        this.matrix = matrix;
        this.trajectories = trajectories;
        this.parameters = parameters;
        this.factors = factors.clone();
        this.steps = steps.clone();
    }

    public SampleMatrix matrix() { return matrix; }

    public int trajectories() { return trajectories; }

    public int parameters() { return parameters; }

    /** Run index of point s (0..k) of trajectory t. */
    public int run(int t, int s) { return t * (parameters + 1) + s; }

    /** The parameter moved between points s and s + 1 of trajectory t. */
    public int factor(int t, int s) { return factors[t * parameters + s]; }

    /** The signed move of that parameter in its unit range. */
    public double step(int t, int s) { return steps[t * parameters + s]; }
}
