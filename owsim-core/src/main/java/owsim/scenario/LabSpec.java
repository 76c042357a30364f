package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.identifier;
import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.positiveAtMost;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

import java.util.List;
import java.util.Map;
import owsim.policy.ReleasePolicies;
import owsim.policy.ReleasePolicy;

/**
 * One AI lab: what it is, how it releases, what it spends and sells.
 *
 * @param description what kind of lab this is (not a company name)
 * @param policy release policy: closed, open, open-delayed(k), open-small(maxParams), open-behind-frontier(lagMonths)
 * @param releaseEveryMonths months between the lab's training runs / releases
 * @param firstReleaseMonth month of the lab's first release in the run (its previous family came out releaseEveryMonths earlier)
 * @param trainingComputeFlop physical compute of the lab's frontier run at month 0, FLOP
 * @param computeGrowthPerYear factor by which its run compute grows per year
 * @param researchers research staff at month 0
 * @param researcherUsdPerYear fully loaded cost per researcher, USD per year
 * @param algorithmicEfficiency A at month 0, relative to the scenario's base (1 = base)
 * @param templateModel catalog model whose architecture (attention kind, experts) every release keeps
 * @param variantActiveParams active parameters of the smaller distilled variants released beside each frontier model
 * @param fleetHardware catalog accelerator the lab serves on
 * @param fleetOwned true: the lab owns its fleet (cost = ownership); false: it rents
 * @param subscription paid plan, or absent
 * @param freeTier free plan (usdPerMonth 0), or absent
 * @param pro a second, larger paid plan beside {@code subscription} (a $200 plan), or absent; it needs a
 *     {@code subscription}, a higher fee and a higher cap than it (mechanism {@code proPlans})
 * @param api API list prices, or absent when the lab sells no API
 * @param marketingUsdPerMonth paid advertising, USD per month
 * @param distributionReachUsers users of the lab's other apps it can advertise to directly
 * @param distributionConversionPerYear awareness hazard per year that the lab's own apps give their users
 * @param harvestDetectionShare share of harvesting traffic the lab detects and bans (0..1)
 * @param defenceUsdPerMonth cost of those defences, USD per month
 * @param cashUsd cash at month 0, USD
 * @param brandUtility xi: non-price, non-capability utility of the lab's own services (utils)
 * @param initialAwareness awareness of the lab at month 0 by segment id (0..1; missing = 0)
 * @param homeRegion id of the region the lab is based in (its export controls and distribution channel), or absent
 * @param hardwareOptions catalog accelerators the lab buys instead of {@code fleetHardware} when export controls
 *     forbid that to its home region (the cheapest allowed per token is chosen), or absent
 * @param regionalAwareness awareness at month 0 of a segment's part in a region, by region id and segment id
 *     (0..1), where it differs from {@code initialAwareness}; absent when none does
 */
public record LabSpec(
    String id,
    String description,
    String policy,
    int releaseEveryMonths,
    int firstReleaseMonth,
    double trainingComputeFlop,
    double computeGrowthPerYear,
    double researchers,
    double researcherUsdPerYear,
    double algorithmicEfficiency,
    String templateModel,
    List<Double> variantActiveParams,
    String fleetHardware,
    boolean fleetOwned,
    Subscription subscription,
    Subscription freeTier,
    Subscription pro,
    ApiPrices api,
    double marketingUsdPerMonth,
    double distributionReachUsers,
    double distributionConversionPerYear,
    double harvestDetectionShare,
    double defenceUsdPerMonth,
    double cashUsd,
    double brandUtility,
    Map<String, Double> initialAwareness,
    String homeRegion,
    List<String> hardwareOptions,
    Map<String, Map<String, Double>> regionalAwareness) {

    public LabSpec {
        identifier("id", id);
        if (description == null) description = "";
        required("policy", policy);
        ReleasePolicies.parse(policy);
        range("releaseEveryMonths", releaseEveryMonths, 1, 600);
        range("firstReleaseMonth", firstReleaseMonth, 0, 600);
        range("trainingComputeFlop", trainingComputeFlop, 1e18, 1e32);
        range("computeGrowthPerYear", computeGrowthPerYear, 0.1, 100);
        range("researchers", researchers, 0, 1e6);
        range("researcherUsdPerYear", researcherUsdPerYear, 0, 1e8);
        positiveAtMost("algorithmicEfficiency", algorithmicEfficiency, 1e6);
        required("templateModel", templateModel);
        variantActiveParams = variantActiveParams == null ? List.of() : nonNullElements("variantActiveParams", variantActiveParams);
        for (double p : variantActiveParams) range("variantActiveParams", p, 1e8, 1e13);
        required("fleetHardware", fleetHardware);
        if (freeTier != null && freeTier.usdPerMonth() != 0) {
            throw new IllegalArgumentException("freeTier: usdPerMonth must be 0 for a free tier, was " + freeTier.usdPerMonth());
        }
        if (pro != null) {
            if (subscription == null) throw new IllegalArgumentException("pro: a pro plan is offered beside a subscription; the lab has none");
            if (!(pro.usdPerMonth() > subscription.usdPerMonth())) {
                throw new IllegalArgumentException("pro: usdPerMonth must be above the subscription's " + subscription.usdPerMonth() + ", was " + pro.usdPerMonth());
            }
            if (!(pro.monthlyTokenCap() > subscription.monthlyTokenCap())) {
                throw new IllegalArgumentException("pro: monthlyTokenCap must be above the subscription's " + subscription.monthlyTokenCap() + ", was " + pro.monthlyTokenCap());
            }
        }
        range("marketingUsdPerMonth", marketingUsdPerMonth, 0, 1e12);
        range("distributionReachUsers", distributionReachUsers, 0, 1e11);
        range("distributionConversionPerYear", distributionConversionPerYear, 0, 100);
        fraction("harvestDetectionShare", harvestDetectionShare);
        range("defenceUsdPerMonth", defenceUsdPerMonth, 0, 1e12);
        range("cashUsd", cashUsd, -1e15, 1e15);
        range("brandUtility", brandUtility, -50, 50);
        initialAwareness = initialAwareness == null ? Map.of() : nonNullValues("initialAwareness", initialAwareness);
        for (Map.Entry<String, Double> e : initialAwareness.entrySet()) range("initialAwareness", e.getKey(), e.getValue(), 0, 1);
        if (homeRegion != null) identifier("homeRegion", homeRegion);
        hardwareOptions = hardwareOptions == null ? List.of() : nonNullElements("hardwareOptions", hardwareOptions);
        // Checked in the file's order (the first mistake is the one reported), kept in it.
        Map<String, Map<String, Double>> checked = new java.util.LinkedHashMap<>();
        if (regionalAwareness != null) {
            for (Map.Entry<String, Map<String, Double>> r : regionalAwareness.entrySet()) {
                if (r.getKey() == null) throw new IllegalArgumentException("regionalAwareness: a key is empty");
                if (r.getValue() == null) throw new IllegalArgumentException("regionalAwareness." + r.getKey() + ": needs a value (segment: share), was empty");
                Map<String, Double> a = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, Double> e : r.getValue().entrySet()) {
                    if (e.getKey() == null) throw new IllegalArgumentException("regionalAwareness." + r.getKey() + ": a key is empty");
                    if (e.getValue() == null) throw new IllegalArgumentException("regionalAwareness." + r.getKey() + "." + e.getKey() + ": needs a value (a number), was empty");
                    range("regionalAwareness." + r.getKey(), e.getKey(), e.getValue(), 0, 1);
                    a.put(e.getKey(), e.getValue());
                }
                checked.put(r.getKey(), java.util.Collections.unmodifiableMap(a));
            }
        }
        regionalAwareness = java.util.Collections.unmodifiableMap(checked);
    }

    /** The parsed release policy. */
    public ReleasePolicy releasePolicy() { return ReleasePolicies.parse(policy); }

    /** Awareness of this lab in a segment at month 0. */
    public double initialAwareness(String segmentId) { return initialAwareness.getOrDefault(segmentId, 0.0); }

    /** This lab with another release policy. */
    public LabSpec withPolicy(String p) {
        return new LabSpec(id, description, p, releaseEveryMonths, firstReleaseMonth, trainingComputeFlop, computeGrowthPerYear, researchers,
            researcherUsdPerYear, algorithmicEfficiency, templateModel, variantActiveParams, fleetHardware, fleetOwned,
            subscription, freeTier, pro, api, marketingUsdPerMonth, distributionReachUsers, distributionConversionPerYear,
            harvestDetectionShare, defenceUsdPerMonth, cashUsd, brandUtility, initialAwareness, homeRegion, hardwareOptions, regionalAwareness);
    }

    /** This lab as a scenario without regions has it: no home region, hardware options or regional awareness. */
    public LabSpec withoutRegions() {
        return new LabSpec(id, description, policy, releaseEveryMonths, firstReleaseMonth, trainingComputeFlop, computeGrowthPerYear, researchers,
            researcherUsdPerYear, algorithmicEfficiency, templateModel, variantActiveParams, fleetHardware, fleetOwned,
            subscription, freeTier, pro, api, marketingUsdPerMonth, distributionReachUsers, distributionConversionPerYear,
            harvestDetectionShare, defenceUsdPerMonth, cashUsd, brandUtility, initialAwareness, null, null, null);
    }

    /** This lab with its initial awareness replaced and no regional awareness (regions fold that into the awareness of the segments' parts). */
    public LabSpec withInitialAwareness(Map<String, Double> a) {
        return new LabSpec(id, description, policy, releaseEveryMonths, firstReleaseMonth, trainingComputeFlop, computeGrowthPerYear, researchers,
            researcherUsdPerYear, algorithmicEfficiency, templateModel, variantActiveParams, fleetHardware, fleetOwned,
            subscription, freeTier, pro, api, marketingUsdPerMonth, distributionReachUsers, distributionConversionPerYear,
            harvestDetectionShare, defenceUsdPerMonth, cashUsd, brandUtility, a, homeRegion, hardwareOptions, null);
    }
}
