package owsim.claims;

import java.util.List;

/**
 * The outcome of one claim's experiment.
 *
 * @param effect the claim's headline effect: the measured difference the mechanism makes (0 when the mechanism is off in the base)
 * @param effectUnit unit of the effect
 * @param finding the verdict's reason in one or two sentences, with numbers
 * @param margin how far this world is from flipping the claim's verdict, signed: positive when the claim
 *     holds in this world as it is (a HOLDS_WHEN threshold the world does not reach counts as not holding),
 *     negative when it does not, in {@link #marginUnit}; NaN when the claim gives none. Across sampled worlds
 *     (owsim claims --uncertainty) the margin is what the deciding parameters are regressed on.
 * @param marginUnit unit of the margin
 */
public record ClaimResult(String id, String statement, String experiment, Verdict verdict, double effect, String effectUnit,
                          String finding, List<Measure> measures, ChartData chart, double margin, String marginUnit) {
    public ClaimResult {
        measures = List.copyOf(measures);
        if (marginUnit == null) marginUnit = "";
    }

    /** A result without a margin: whether it holds follows from the verdict alone. */
    public ClaimResult(String id, String statement, String experiment, Verdict verdict, double effect, String effectUnit,
                       String finding, List<Measure> measures, ChartData chart) {
        this(id, statement, experiment, verdict, effect, effectUnit, finding, measures, chart, Double.NaN, "");
    }

    /** The same result with its margin. */
    public ClaimResult withMargin(double margin, String unit) {
        return new ClaimResult(id, statement, experiment, verdict, effect, effectUnit, finding, measures, chart, margin, unit);
    }

    /**
     * Whether the claim holds in this world as it is: the margin's sign when there is one, else
     * the verdict (HOLDS_WHEN, a condition the world does not meet, counts as not holding).
     */
    public boolean holdsHere() {
        if (!Double.isNaN(margin)) return margin > 0;
        return verdict.kind() == Verdict.Kind.HOLDS;
    }
}
