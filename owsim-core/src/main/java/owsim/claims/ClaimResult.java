package owsim.claims;

import java.util.List;

/**
 * The outcome of one claim's experiment.
 *
 * @param effect the claim's headline effect: the measured difference the mechanism makes (0 when the mechanism is off in the base)
 * @param effectUnit unit of the effect
 * @param finding the verdict's reason in one or two sentences, with numbers
 */
public record ClaimResult(String id, String statement, String experiment, Verdict verdict, double effect, String effectUnit,
                          String finding, List<Measure> measures, ChartData chart) {
    public ClaimResult {
        measures = List.copyOf(measures);
    }
}
