package owsim.experiment.analysis;

import java.util.List;

/** Sobol indices of one metric over all parameters, in the design's parameter order. */
public record SobolResult(String metric, double variance, int baseRuns, int bootstrapResamples, List<SobolIndex> indices) {
    public SobolResult {
        indices = List.copyOf(indices);
    }

    /** The index of one parameter path. */
    public SobolIndex of(String path) {
        for (SobolIndex s : indices) if (s.path().equals(path)) return s;
        throw new IllegalArgumentException("no parameter '" + path + "' in this analysis");
    }
}
