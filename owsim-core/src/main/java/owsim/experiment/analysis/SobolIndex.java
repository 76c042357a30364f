package owsim.experiment.analysis;

/**
 * One parameter's Sobol indices for one metric: the first-order index (share of the output
 * variance due to the parameter alone) and the total index (alone and through all its
 * interactions), each with a bootstrap confidence interval.
 */
public record SobolIndex(String path, double first, Interval firstCi, double total, Interval totalCi) {}
