package owsim.claims.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.claims.Claim;
import owsim.claims.ClaimResult;
import owsim.claims.Claims;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.TestWorlds;

/**
 * Flip worlds kept as test cases, on the four-lab world: found by {@code owsim claims
 * scenarios/four-labs-2025.yaml --uncertainty experiments/four-labs-uncertainty.yaml --worlds 8}
 * (when it was the default and its file experiments/claims-uncertainty.yaml; its report's "Flip world"
 * lines), world 3 for claims g and j and world 4 for claims e and f. Each is loaded here from its
 * values, and the claim's verdict there is the opposite of the four-lab world's: none of them is robust to the uncertainty set. The
 * three values after the first sixteen (claim k's talent market) were appended with k, the next nine
 * (the training budget's and the distillers' parameters) after them, the last five (the distillers'
 * saturation and open samples, the ads' yield) after those, then twelve from the audit of the four-lab
 * world's assumptions, then six of the API price rule (apiPricing: the targets, floor, step, band and
 * share trigger; re-pinned when they were appended: the rows gained those six values before the
 * shares, and every other value is as it was), then the pro plan's cap (proPlans; re-pinned likewise: one value
 * more before the shares) and, last, four groups of shares (the two distillers' channels, the
 * developers' and major players' regions; each group of three drawn together, summing to 1, from a
 * stream of its own); the design draws parameter by parameter, so the earlier values are the
 * worlds' values from before. The flip worlds run with apiPricing off (below), so the six new values do not move them.
 */
class FlipWorldTest {
    static final Path FILE = Path.of("..", "experiments", "four-labs-uncertainty.yaml");

    /** World 3: a low community-improvement rate (0.0028 against the four-lab world's 0.02). */
    static final Map<String, Double> WORLD_3 = values(0.2542930460295243, 0.31156032402873063, 0.4894968389895455, 0.33173057511674664,
        0.3778884682619893, 0.0028436299970798313, 0.0066455270669223, 0.06895945323392116, 4.9894816240253705, 0.3148176734506804,
        2.459822611591458, 1.0417682725424435, 5.8683420848524645E7, 16.430517038556882, 0.4552981841633884, 20.989164611553697,
        235.07710174263295, 432.1884287251649, 0.7340646007658155,
        1.275969224779328, 0.1245626743989289, 2.0731161661695428, 552694.5065897341, 312621.13932298997, 0.13305415525723632,
        0.2714588191310575, 0.032948315046654214, 0.07829258384966249,
        902719.8273627699, 1943729.5684673754, 823159.8903192142, 2137652.351914467, 0.09786459541883309,
        24.0, 0.4184982604758888, 0.12236818973624845, 8.602755188972287, 1.2609898011452692, 1.1936100061316837,
        3.5557347605984986E7, 2.71586749291621E25, 0.5677080845572433, 2.2749945201262602, 3.9373548556986275, 0.6062258807119408,
        3.4010871428489082, 5.8282410534823645, 1.3411821556459766, 1.7343192609431703, 0.5891343589381822, 0.11408854053265215, 0.005536330272467482, 1.729406466396191E-5,
        6.211656050837859E8, 3.0, 0.5601809100182619,
        0.5720072213832791, 0.13807410255190455, 0.28991867606481636, 0.17799238368090445, 0.2788643761403383, 0.5431432401787573,
        0.413221107203281, 0.24661766743946312, 0.3401612253572559, 0.6777565532255091, 0.20296490018967944, 0.11927854658481146);

    /** World 4: consumers who value the open ecosystem highly (0.58 against the four-lab world's 0.05). */
    static final Map<String, Double> WORLD_4 = values(0.5814363059425979, 0.07712117715544178, 0.09208454994677735, 0.17886521654877843,
        0.273427562314419, 0.019561186911634554, 0.0012075395643424897, 0.031968410187314285, 4.4009682811225295, 0.4129073911847922,
        4.3473960219426395, 0.26577378628661413, 3.81514473955406E7, 20.688909034953845, 0.6592334409240345, 6.967008644440614,
        57.713912964248856, 230.64518992190273, 0.28472228444384856,
        1.353813907539535, 0.22548765273090335, 2.2807935305988774, 376317.1103733085, 1952509.1348246275, 0.04025168226183481,
        0.0479501942404882, 0.01989219390872764, 0.06184608018212937,
        8320508.734483543, 3612853.58002089, 134488.0892206114, 7249835.291470527, 0.18949817575397399,
        12.0, 0.36351358743222517, 0.15530793128029557, 5.726820718656599, 1.5408825787499631, 0.7516773626823524,
        8.003544506180179E7, 2.2606340153995257E25, 0.8468536341029533, 1.6122654921226274, 4.7617876529421, 0.6808818775193202,
        2.699375535317864, 2.0961432408474057, 1.0576744499405408, 4.47386204789421, 0.8613365304943896, 0.14535409777508934, 0.0028638689916316703, 3.047796934400969E-6,
        1.6146068120308843E9, 1.0, 0.4710812955999304,
        0.20374754124684205, 0.09185841761429431, 0.7043940411388636, 0.38580697179880896, 0.34529876936634923, 0.2688942588348418,
        0.7214952417170496, 0.14115386333732619, 0.13735089494562422, 0.6572101238945475, 0.15257292521089177, 0.19021695089456075);

    static final Catalog CATALOG = Catalog.bundled();

    @Test void theToolSamplesTheseWorlds() {
        UncertaintySet set = UncertaintySet.load(FILE, TestWorlds.FOUR_LABS_NAME, TestWorlds.fourLabsYaml(), 8,
            Claims.all().stream().map(Claim::id).toList());
        assertThat(set.paths()).containsExactlyElementsOf(WORLD_3.keySet());
        WorldRunner runner = new WorldRunner(set, Claims.all(), CATALOG);
        double[] w3 = set.sample().row(3);
        double[] w4 = set.sample().row(4);
        assertThat(w3).containsExactly(WORLD_3.values().stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(w4).containsExactly(WORLD_4.values().stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(runner.totalRuns()).isEqualTo(8 * Claims.all().size());
    }

    @Test void claimGFlipsInWorld3() {
        assertFlips("g", WORLD_3);
    }

    @Test void claimEFlipsInWorld4() {
        assertFlips("e", WORLD_4);
    }

    private static void assertFlips(String id, Map<String, Double> world) {
        Claim claim = Claims.all().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        AggregateEngine engine = new AggregateEngine(CATALOG);
        // The flip worlds were found in the claims run made before apiPricing and researchCompute: its base world is the
        // four-lab world at list API prices, paying only its final runs. (With apiPricing on, claim g fails in that world too.)
        Scenario base = TestWorlds.fourLabs().with(owsim.scenario.MechanismSwitch.API_PRICING, false)
            .with(owsim.scenario.MechanismSwitch.RESEARCH_COMPUTE, false);
        ClaimResult atBase = claim.evaluate(base, engine);
        ClaimResult there = claim.evaluate(new ScenarioOverrides().apply(base, world), engine);
        assertThat(there.holdsHere()).as(id + " in the four-lab world: " + atBase.finding() + "; in the flip world: " + there.finding())
            .isNotEqualTo(atBase.holdsHere());
        assertThat(there.margin()).isNegative();
    }

    private static Map<String, Double> values(double... v) {
        List<String> paths = List.of("segments[consumers].ecosystemWeight", "segments[developers].ecosystemWeight",
            "segments[hobbyists].ecosystemWeight", "segments[major-players].ecosystemWeight", "segments[students].ecosystemWeight",
            "technology.communityProgressPerDerivativeGrowth", "segments[hobbyists].derivativesPerUserMonth", "technology.spilloverPerMonth",
            "technology.algorithmicProgressPerYear", "technology.researchElasticity", "market.newsHazardPerYear", "market.marketingMaxPerYear",
            "market.marketingHalfSaturationUsdPerMonth", "market.prestigeHalfLifeMonths", "labs[frontier-closed].harvestDetectionShare",
            "segments[hobbyists].influence", "market.newResearchersPerMonth", "market.researcherOpeningsPerMonth", "market.openReputationPrestige",
            "trainingBudget.rdComputeShareOfRevenue", "trainingBudget.finalRunShareOfRdCompute", "trainingBudget.expectedGrowthCapPerYear",
            "distillers[challenger-harvest].harvestBudgetUsdPerMonth", "distillers[rival-harvest].harvestBudgetUsdPerMonth",
            "distillers[challenger-harvest].closedCatchUpPerMonth", "distillers[challenger-harvest].openCatchUpPerMonth",
            "distillers[rival-harvest].closedCatchUpPerMonth", "distillers[rival-harvest].openCatchUpPerMonth",
            "distillers[challenger-harvest].saturationExchanges", "distillers[rival-harvest].saturationExchanges",
            "distillers[challenger-harvest].openSamplesPerMonth", "distillers[rival-harvest].openSamplesPerMonth", "advertising.chatAdShare",
            "advertising.rampMonths", "regions[china].willingnessToPay", "run.discountRatePerYear", "run.terminalValueYears",
            "technology.hardwareCostDeclinePerYear", "technology.distilledPenaltyPerDecade",
            "labs[frontier-closed].subscription.monthlyTokenCap", "labs[frontier-closed].trainingComputeFlop", "market.prestigeWeight",
            "technology.tokensPerActiveParamGrowthPerYear", "segments[developers].capabilityWeightPerDecade", "technology.inputTokenShare",
            "apiPricing.targetPriceToCost", "apiPricing.targetPriceToCostByLab.frontier-closed", "apiPricing.floorPriceToCost",
            "apiPricing.maxStepPerDecision", "apiPricing.rivalCapabilityBand", "apiPricing.shareLossToFollow",
            "segments[developers].priceWeightPerUsd", "segments[major-players].priceWeightPerUsd", "labs[frontier-closed].pro.monthlyTokenCap",
            "segments[major-players].enterprise.procurementLagMonths", "segments[major-players].enterprise.labApiPremiumUtils",
            "distillers[challenger-harvest].apiShare", "distillers[challenger-harvest].subscriptionShare", "distillers[challenger-harvest].freeShare",
            "distillers[rival-harvest].apiShare", "distillers[rival-harvest].subscriptionShare", "distillers[rival-harvest].freeShare",
            "regions[west].populationShare.developers", "regions[china].populationShare.developers", "regions[row].populationShare.developers",
            "regions[west].populationShare.major-players", "regions[china].populationShare.major-players", "regions[row].populationShare.major-players");
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) m.put(paths.get(i), v[i]);
        return m;
    }
}
