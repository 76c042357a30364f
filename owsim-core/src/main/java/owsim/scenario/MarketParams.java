package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.positiveAtMost;
import static owsim.io.Check.range;

import owsim.io.DocumentedDefault;

/**
 * Attention and talent parameters shared by all labs.
 *
 * @param marketingMaxPerYear p_max: awareness hazard per year that unlimited advertising could add
 * @param marketingHalfSaturationUsdPerMonth k: spend at which advertising gives 63% of p_max, USD per month
 * @param newsHazardPerYear awareness hazard per year added by a release that beats the best open model
 * @param newsHalfLifeMonths half-life of that news spike, months
 * @param newResearchersPerMonth researchers entering the labs' market each month
 * @param researcherAttritionPerYear share of a lab's researchers leaving per year (re-enter the pool)
 * @param payWeight omega_w: weight of ln(pay) in a researcher's choice of lab
 * @param prestigeWeight omega_P: weight of prestige in a researcher's choice of lab
 * @param prestigeHalfLifeMonths half-life of a lab's prestige, months
 * @param openReputationPrestige prestige gained per month while a lab's newest model is open weight
 * @param researcherOpeningsPerMonth researchers the labs together would hire a month beyond replacing their leavers,
 *     split among them by research staff; 0 (the default when left out) = no limit: every entrant is hired, so the
 *     shortage of researchers never ends. When entrants and leavers exceed the openings, every lab fills its
 *     openings and pay and prestige no longer decide who gets hired (claim k)
 */
public record MarketParams(
    double marketingMaxPerYear,
    double marketingHalfSaturationUsdPerMonth,
    double newsHazardPerYear,
    double newsHalfLifeMonths,
    double newResearchersPerMonth,
    double researcherAttritionPerYear,
    double payWeight,
    double prestigeWeight,
    double prestigeHalfLifeMonths,
    double openReputationPrestige,
    @DocumentedDefault double researcherOpeningsPerMonth) {

    public MarketParams {
        range("marketingMaxPerYear", marketingMaxPerYear, 0, 100);
        positiveAtMost("marketingHalfSaturationUsdPerMonth", marketingHalfSaturationUsdPerMonth, 1e12);
        range("newsHazardPerYear", newsHazardPerYear, 0, 100);
        positiveAtMost("newsHalfLifeMonths", newsHalfLifeMonths, 600);
        range("newResearchersPerMonth", newResearchersPerMonth, 0, 1e6);
        fraction("researcherAttritionPerYear", researcherAttritionPerYear);
        range("payWeight", payWeight, 0, 100);
        range("prestigeWeight", prestigeWeight, 0, 100);
        positiveAtMost("prestigeHalfLifeMonths", prestigeHalfLifeMonths, 600);
        range("openReputationPrestige", openReputationPrestige, 0, 100);
        range("researcherOpeningsPerMonth", researcherOpeningsPerMonth, 0, 1e6);
    }

    /** Whether the labs' openings are limited ({@link #researcherOpeningsPerMonth} above 0). */
    public boolean limitsOpenings() {
        return researcherOpeningsPerMonth > 0;
    }

    /** The same parameters with another entry of researchers a month. */
    public MarketParams withNewResearchersPerMonth(double perMonth) {
        return new MarketParams(marketingMaxPerYear, marketingHalfSaturationUsdPerMonth, newsHazardPerYear, newsHalfLifeMonths, perMonth,
            researcherAttritionPerYear, payWeight, prestigeWeight, prestigeHalfLifeMonths, openReputationPrestige, researcherOpeningsPerMonth);
    }

    /** The same parameters with another prestige half-life and open-reputation prestige. */
    public MarketParams withPrestige(double halfLifeMonths, double openReputation) {
        return new MarketParams(marketingMaxPerYear, marketingHalfSaturationUsdPerMonth, newsHazardPerYear, newsHalfLifeMonths, newResearchersPerMonth,
            researcherAttritionPerYear, payWeight, prestigeWeight, halfLifeMonths, openReputation, researcherOpeningsPerMonth);
    }
}
