package owsim.experiment.design;

import java.util.List;

/** A way of choosing the runs of an experiment: parameters in, sample matrix out. */
public interface Design {
    /** The design's name as written in an experiment file. */
    String name();

    /** How many runs the design makes for these parameters (before replications). */
    long runCount(List<Parameter> parameters);

    /**
     * The runs, one row each, for these parameters. Designs with randomness of their own draw it
     * from {@link Seeds#stream(long, String)} of {@code rootSeed}; deterministic ones ignore it.
     */
    SampleMatrix sample(List<Parameter> parameters, long rootSeed);

    /** Maps a row-major unit-hypercube matrix through each parameter's inverse CDF. */
    static SampleMatrix fromUnit(String design, List<Parameter> parameters, int runs, double[] unit) {
        int k = parameters.size();
        double[] v = new double[unit.length];
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < k; j++) v[i * k + j] = parameters.get(j).distribution().fromUnit(unit[i * k + j]);
        }
        return new SampleMatrix(design, parameters.stream().map(Parameter::path).toList(), runs, v);
    }

    /** runs x parameters as an array length, refused with the design's name when too large. */
    static int cells(String design, long runs, int parameters) {
        long n = runs * parameters;
        if (runs < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(design + ": " + runs + " runs x " + parameters
                + " parameters is more values than one sample matrix holds (2^31)");
        }
        return (int) n;
    }

    /** Refuses an empty parameter list, naming the design. */
    static void requireParameters(String design, List<Parameter> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException(design + ": needs at least one parameter");
        }
    }
}
