package owsim.calibration;

/**
 * How hard the calibration searches, as written under {@code search:} in a targets file. The
 * defaults suit a handful of parameters: about 1,000 runs of the aggregate engine in all.
 *
 * @param screeningRuns Latin-hypercube points over the parameters' ranges: the rejection-ABC sample and the optimiser's start points
 * @param acceptShare share of the screening points with the lowest loss kept as the ABC posterior sample
 * @param starts independent CMA-ES searches, each from one of the best screening points, run side by side
 * @param evaluationsPerStart most runs one CMA-ES search makes
 * @param polishEvaluations most runs of the BOBYQA polish from the best search's point (0: none; needs two parameters or more)
 * @param jacobianStep step in the unit range of each parameter for the finite-difference Jacobian at the optimum
 */
public record SearchSpec(Integer screeningRuns, Double acceptShare, Integer starts, Integer evaluationsPerStart, Integer polishEvaluations,
                         Double jacobianStep) {
    public SearchSpec {
        if (screeningRuns == null) screeningRuns = 128;
        if (acceptShare == null) acceptShare = 0.1;
        if (starts == null) starts = 4;
        if (evaluationsPerStart == null) evaluationsPerStart = 200;
        if (polishEvaluations == null) polishEvaluations = 100;
        if (jacobianStep == null) jacobianStep = 0.02;
        if (screeningRuns < 4 || screeningRuns > 1_000_000) throw new IllegalArgumentException("screeningRuns: must be from 4 to 1000000, was " + screeningRuns);
        if (!(acceptShare > 0 && acceptShare <= 1)) throw new IllegalArgumentException("acceptShare: must be above 0 and at most 1, was " + acceptShare);
        if (starts < 1 || starts > 256) throw new IllegalArgumentException("starts: must be from 1 to 256, was " + starts);
        if (starts > screeningRuns) throw new IllegalArgumentException("starts: at most screeningRuns (" + screeningRuns + "), was " + starts);
        if (evaluationsPerStart < 10 || evaluationsPerStart > 1_000_000) {
            throw new IllegalArgumentException("evaluationsPerStart: must be from 10 to 1000000, was " + evaluationsPerStart);
        }
        if (polishEvaluations < 0 || polishEvaluations > 1_000_000) {
            throw new IllegalArgumentException("polishEvaluations: must be from 0 to 1000000, was " + polishEvaluations);
        }
        if (!(jacobianStep > 0 && jacobianStep <= 0.25)) throw new IllegalArgumentException("jacobianStep: must be above 0 and at most 0.25, was " + jacobianStep);
    }

    /** Every field at its default. */
    public static SearchSpec defaults() {
        return new SearchSpec(null, null, null, null, null, null);
    }

    /** Rejection-ABC sample size: at least two points. */
    public int accepted() {
        return Math.max(2, (int) Math.ceil(acceptShare * screeningRuns));
    }
}
