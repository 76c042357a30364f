package owsim.experiment.analysis;

/**
 * One bar of a tornado chart: a parameter at its low and high value and the metric there, as
 * changes from the base run's metric. {@code swing} = |outputAtHigh - outputAtLow|, the bar's length.
 */
public record TornadoBar(String path, double lowValue, double highValue, double outputAtLow, double outputAtHigh,
                         double lowEffect, double highEffect, double swing) {}
