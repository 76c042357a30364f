package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.positiveAtMost;
import static owsim.io.Check.range;

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
    double openReputationPrestige) {

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
    }
}
