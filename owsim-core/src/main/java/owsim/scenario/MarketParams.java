package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.nonNegative;
import static owsim.io.Check.positive;

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
        nonNegative("marketingMaxPerYear", marketingMaxPerYear);
        positive("marketingHalfSaturationUsdPerMonth", marketingHalfSaturationUsdPerMonth);
        nonNegative("newsHazardPerYear", newsHazardPerYear);
        positive("newsHalfLifeMonths", newsHalfLifeMonths);
        nonNegative("newResearchersPerMonth", newResearchersPerMonth);
        fraction("researcherAttritionPerYear", researcherAttritionPerYear);
        nonNegative("payWeight", payWeight);
        nonNegative("prestigeWeight", prestigeWeight);
        positive("prestigeHalfLifeMonths", prestigeHalfLifeMonths);
        nonNegative("openReputationPrestige", openReputationPrestige);
    }
}
