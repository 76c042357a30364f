package owsim.calibration;

/**
 * One fitted parameter: its range, the scenario's own value, the fitted value, and how well the
 * targets determine it.
 *
 * @param range the range searched, e.g. "uniform(0.05, 0.5)"
 * @param scenarioValue the base scenario's value (null if it is not a number)
 * @param fitted the value at the optimum
 * @param fittedUnit the optimum as a fraction of the range (0 = minimum, 1 = maximum, on the range's own scale)
 * @param abcLow 5th percentile of the rejection-ABC sample
 * @param abcMedian median of the rejection-ABC sample
 * @param abcHigh 95th percentile of the rejection-ABC sample
 * @param abcWidthRatio the ABC sample's 5-95% width over the prior's (both on the range's unit scale): 1 = the targets say nothing
 * @param localRatio posterior over prior standard deviation from the Jacobian at the optimum, all parameters free (Laplace)
 * @param aloneRatio the same with every other parameter held at the optimum
 * @param verdict identified, weak or free (from {@code localRatio}; see {@link Identifiability})
 */
public record ParameterFit(String path, String range, Double scenarioValue, double fitted, double fittedUnit, double abcLow,
                           double abcMedian, double abcHigh, double abcWidthRatio, double localRatio, double aloneRatio, String verdict) {}
