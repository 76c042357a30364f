package owsim.calibration;

import java.util.List;

/**
 * Everything a calibration found, in a form that is written as JSON and read back (the stored fit
 * the documentation's staleness test re-checks). Contains no timings, so the same inputs and seed
 * give the same bytes whatever the thread count.
 *
 * @param hash the calibration's input hash (targets file, base scenario, parameters)
 * @param months months each run covers
 * @param screeningRuns Latin-hypercube runs made
 * @param accepted runs kept as the rejection-ABC sample
 * @param abcLossThreshold the largest loss among them
 * @param searchEvaluations runs made by the CMA-ES searches, all starts together
 * @param bestStart which search found the best point before the polish (0-based)
 * @param polishEvaluations runs made by the BOBYQA polish
 * @param optimumUnit the optimum in unit coordinates, one per parameter (full precision: the staleness test reruns it)
 * @param scenarioLoss the loss of the base scenario as given
 * @param fittedLoss the loss at the optimum
 * @param singularValues of the fitted targets' Jacobian at the optimum (unit coordinates, z per unit), largest first
 * @param weakestDirection the parameter combination the targets determine least (unit coordinates, norm 1)
 * @param freeDirections how many independent combinations the targets leave free (see {@link Identifiability})
 */
public record CalibrationResult(String name, String hash, String base, int months, long rootSeed, int screeningRuns, int accepted,
                                double abcLossThreshold, int searchEvaluations, int bestStart, int polishEvaluations, double[] optimumUnit, double scenarioLoss,
                                double fittedLoss, double[] singularValues, double[] weakestDirection, int freeDirections,
                                List<ParameterFit> parameters, List<TargetFit> targets) {
    public CalibrationResult {
        optimumUnit = optimumUnit.clone();
        singularValues = singularValues.clone();
        weakestDirection = weakestDirection.clone();
        parameters = List.copyOf(parameters);
        targets = List.copyOf(targets);
    }

    @Override public double[] optimumUnit() { return optimumUnit.clone(); }

    @Override public double[] singularValues() { return singularValues.clone(); }

    @Override public double[] weakestDirection() { return weakestDirection.clone(); }

    /** Fitted targets within tolerance at the optimum, of those fitted. */
    public long fittedWithin() {
        return targets.stream().filter(t -> t.use().equals("fit") && t.fittedWithin()).count();
    }

    /** Held-out targets within tolerance at the optimum. */
    public long checkWithin() {
        return targets.stream().filter(t -> t.use().equals("check") && t.fittedWithin()).count();
    }
}
