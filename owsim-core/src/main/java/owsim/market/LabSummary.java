package owsim.market;

import java.util.Map;

/**
 * One lab's totals over a run (money summed over months, stocks at the last month).
 *
 * @param usersByOption users at the last month by option ("subscription", "free", "api", ...)
 * @param tokens tokens served by the lab over the run
 * @param capability log10 of effective training compute of the lab's best model at the end
 * @param payoff the scenario's payoff measure (discounted profit plus terminal value by default), USD
 */
public record LabSummary(
    String id,
    String policy,
    Map<String, Double> usersByOption,
    double tokens,
    double revenueUsd,
    double servingCostUsd,
    double distillationBurdenUsd,
    double trainingSpendUsd,
    double capability,
    double researchers,
    double cashUsd,
    double payoff) {

    public LabSummary {
        usersByOption = Map.copyOf(usersByOption);
    }
}
