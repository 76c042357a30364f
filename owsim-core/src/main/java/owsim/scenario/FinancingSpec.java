package owsim.scenario;

import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How labs pay for training (mechanism {@code financing}): the rule by which investors fund a
 * round, what triggers the attempt, when a lab out of money exits, and which labs a parent company
 * funds instead. Read only when the switch is on.
 *
 * @param roundRevenueMultiple a round raises this many times the lab's annualised revenue (12 x this month's)
 * @param tractionGrowthPerYear investors fund a round only when the lab's revenue or its users grew at least by this factor a year
 * @param runwayTriggerMonths a lab tries to raise when its cash covers fewer months of net burn than this
 * @param decisionEveryMonths months between a lab's fundraising decisions (3: quarterly)
 * @param exitAfterNegativeMonths consecutive months of negative cash without money raised after which a lab exits
 * @param parentFundingUsdPerYear labs funded by a parent company instead of investors, by lab id: the most the
 *     parent pays a year (a run year: 12 months from the start month), USD
 * @param scaleRounds investors who also fund a lab on its scale and capability ({@link ScaleRoundsSpec}),
 *     or null (absent): only the traction rule funds rounds
 * @param parentReservesRunningCosts true: a parent pays its lab's running costs (all but training) that its
 *     income and cash do not cover first, and pays for training only what its year's funding leaves after the
 *     rest of the run year's running costs at this month's rate; null or false (absent): it pays the month's
 *     whole shortfall, training included, up to its cap, as before
 */
public record FinancingSpec(
    double roundRevenueMultiple,
    double tractionGrowthPerYear,
    double runwayTriggerMonths,
    int decisionEveryMonths,
    int exitAfterNegativeMonths,
    Map<String, Double> parentFundingUsdPerYear,
    ScaleRoundsSpec scaleRounds,
    Boolean parentReservesRunningCosts) {

    public FinancingSpec {
        range("roundRevenueMultiple", roundRevenueMultiple, 0, 100);
        range("tractionGrowthPerYear", tractionGrowthPerYear, 0, 100);
        range("runwayTriggerMonths", runwayTriggerMonths, 0, 600);
        range("decisionEveryMonths", decisionEveryMonths, 1, 600);
        range("exitAfterNegativeMonths", exitAfterNegativeMonths, 1, 600);
        parentFundingUsdPerYear = parentFundingUsdPerYear == null ? Map.of() : nonNullValues("parentFundingUsdPerYear", parentFundingUsdPerYear);
        for (Map.Entry<String, Double> e : parentFundingUsdPerYear.entrySet()) range("parentFundingUsdPerYear", e.getKey(), e.getValue(), 0, 1e13);
        parentFundingUsdPerYear = Collections.unmodifiableMap(new LinkedHashMap<>(parentFundingUsdPerYear));
    }

    /** The rules with parents that pay the month's whole shortfall ({@code parentReservesRunningCosts} absent). */
    public FinancingSpec(double roundRevenueMultiple, double tractionGrowthPerYear, double runwayTriggerMonths, int decisionEveryMonths,
                         int exitAfterNegativeMonths, Map<String, Double> parentFundingUsdPerYear, ScaleRoundsSpec scaleRounds) {
        this(roundRevenueMultiple, tractionGrowthPerYear, runwayTriggerMonths, decisionEveryMonths, exitAfterNegativeMonths, parentFundingUsdPerYear,
            scaleRounds, null);
    }

    /** Whether a parent pays its lab's running costs for the rest of the run year before its training. */
    public boolean parentReserves() {
        return Boolean.TRUE.equals(parentReservesRunningCosts);
    }

    /**
     * The documented defaults (the default scenario's {@code financing:} section), for a scenario
     * that leaves the section out: a round of 2.5x annualised revenue (Anthropic raised $13B at a
     * run-rate above $5B, Sep 2025; OpenAI $6.6B against about $3.7B of revenue, Oct 2024), traction
     * 1.5x a year, 12 months of runway, quarterly decisions, exit after 6 negative months, and no parent.
     */
    public static FinancingSpec defaults() {
        return new FinancingSpec(2.5, 1.5, 12, 3, 6, Map.of());
    }

    /** The rules without investors who fund on scale ({@code scaleRounds} absent). */
    public FinancingSpec(double roundRevenueMultiple, double tractionGrowthPerYear, double runwayTriggerMonths, int decisionEveryMonths,
                         int exitAfterNegativeMonths, Map<String, Double> parentFundingUsdPerYear) {
        this(roundRevenueMultiple, tractionGrowthPerYear, runwayTriggerMonths, decisionEveryMonths, exitAfterNegativeMonths, parentFundingUsdPerYear, null);
    }

    /** The same rules with investors who fund on scale by {@code s} (null: none). */
    public FinancingSpec withScaleRounds(ScaleRoundsSpec s) {
        return new FinancingSpec(roundRevenueMultiple, tractionGrowthPerYear, runwayTriggerMonths, decisionEveryMonths, exitAfterNegativeMonths,
            parentFundingUsdPerYear, s, parentReservesRunningCosts);
    }

    /**
     * The same rules with the parents of only these labs: a scenario made from another by taking labs
     * out (an experiment's smaller world) keeps the parents of the labs it still has.
     */
    public FinancingSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(parentFundingUsdPerYear.keySet())) return this;
        Map<String, Double> kept = LabKeys.only(parentFundingUsdPerYear, labIds);
        return new FinancingSpec(roundRevenueMultiple, tractionGrowthPerYear, runwayTriggerMonths, decisionEveryMonths, exitAfterNegativeMonths, kept, scaleRounds, parentReservesRunningCosts);
    }

    /** The most lab {@code labId}'s parent pays a year, USD; 0 when it has no parent. */
    public double parentFundingUsdPerYear(String labId) {
        Double v = parentFundingUsdPerYear.get(labId);
        return v == null ? 0 : v;
    }
}
