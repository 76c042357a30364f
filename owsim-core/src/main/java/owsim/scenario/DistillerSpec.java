package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.identifier;
import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.positiveAtMost;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

import java.util.List;
import owsim.io.DocumentedDefault;

/**
 * Harvesting of a stronger model's outputs to train a lab's own (distillation).
 *
 * @param studentLab the lab whose capability the harvest raises (and which pays)
 * @param targets labs it may harvest; empty = any lab
 * @param harvestBudgetUsdPerMonth spend on harvest traffic, USD per month
 * @param apiShare share of exchanges sent through the target's API (pays list price)
 * @param subscriptionShare share through paid subscriptions used to the limit (flat fee)
 * @param freeShare share through free tiers and fraudulent accounts (pays nothing)
 * @param tokensPerExchange tokens (input + output) per harvested exchange
 * @param saturationExchanges H0: harvested exchanges per month at which catch-up reaches 63% of its maximum
 * @param closedCatchUpPerMonth kappa_api: share of the capability gap closed per month at saturation, closed target
 * @param openCatchUpPerMonth kappa_open: share of the gap closed per month from an open target (weights, fine-tuning)
 * @param choice how the distiller picks, each month, between harvesting the best closed model it may
 *     target and distilling from the best open weights: {@code gain-per-dollar} (the default when left
 *     out: the larger expected capability gain per USD), {@code most-gain} (the larger expected gain,
 *     whatever it costs) or {@code most-capable} (the most capable teacher, cost-blind: the rule before
 *     distillers chose)
 * @param openSamplesPerMonth samples per month a distiller generates from open weights on rented GPUs,
 *     which prices the open option in its choice; 0 (the default when left out) = saturationExchanges
 */
public record DistillerSpec(
    String id,
    String studentLab,
    List<String> targets,
    double harvestBudgetUsdPerMonth,
    double apiShare,
    double subscriptionShare,
    double freeShare,
    double tokensPerExchange,
    double saturationExchanges,
    double closedCatchUpPerMonth,
    double openCatchUpPerMonth,
    String choice,
    @DocumentedDefault double openSamplesPerMonth) {

    /** The choice rules a distiller may follow, for error messages. */
    public static final List<String> CHOICES = List.of("gain-per-dollar", "most-gain", "most-capable");

    public DistillerSpec {
        identifier("id", id);
        required("studentLab", studentLab);
        targets = targets == null ? List.of() : nonNullElements("targets", targets);
        range("harvestBudgetUsdPerMonth", harvestBudgetUsdPerMonth, 0, 1e12);
        fraction("apiShare", apiShare);
        fraction("subscriptionShare", subscriptionShare);
        fraction("freeShare", freeShare);
        double sum = apiShare + subscriptionShare + freeShare;
        if (Math.abs(sum - 1) > 1e-6) throw new IllegalArgumentException("apiShare: apiShare + subscriptionShare + freeShare must be 1, was " + sum);
        positiveAtMost("tokensPerExchange", tokensPerExchange, 1e7);
        positiveAtMost("saturationExchanges", saturationExchanges, 1e15);
        fraction("closedCatchUpPerMonth", closedCatchUpPerMonth);
        fraction("openCatchUpPerMonth", openCatchUpPerMonth);
        // Left out = the cost-aware rule: a distiller that ignores an open model as good as the closed one it pays for is the exception.
        if (choice == null) choice = CHOICES.get(0);
        if (!CHOICES.contains(choice)) throw new IllegalArgumentException("choice: '" + choice + "' is not a choice rule; allowed: " + String.join(", ", CHOICES));
        range("openSamplesPerMonth", openSamplesPerMonth, 0, 1e15);
    }

    /** Samples per month generated from open weights: {@link #openSamplesPerMonth}, or saturationExchanges when 0. */
    public double openSamples() { return openSamplesPerMonth > 0 ? openSamplesPerMonth : saturationExchanges; }
}
