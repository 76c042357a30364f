package owsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario as the engines see it when regions are on: every segment lives in one region. A
 * segment without a region of its own becomes one part per region with a share of it, id
 * "segment.region", that share of its people and of its weight in the contact pool; each part's
 * price weight is divided by its region's willingness to pay (when {@code regionalPrices} is on).
 * A lab's initial awareness of a part is its {@code regionalAwareness} for that region and segment,
 * else the segment's.
 * With regions off, or none declared, the scenario is used as it is: one global region.
 */
public final class Regions {
    private Regions() {}

    /** Whether the scenario's runs split the world into its regions. */
    public static boolean active(Scenario s) {
        return s.mechanisms().regions() && !s.regions().isEmpty();
    }

    /** A segment's price weight in a region: its own over the region's willingness to pay, 0 or at least the smallest allowed. */
    private static double regionalPriceWeight(SegmentSpec g, String region, double wtp) {
        double weight = g.priceWeightPerUsd() / wtp;
        if (weight > 0 && weight < SegmentSpec.MIN_POSITIVE_PRICE_WEIGHT_PER_USD) {
            throw new IllegalArgumentException("segments[" + g.id() + "].priceWeightPerUsd: " + g.priceWeightPerUsd() + " over region " + region
                + "'s willingnessToPay " + wtp + " is " + weight + ", below 1e-12 (the consumer surplus would overflow); raise the weight or lower the willingness to pay");
        }
        return weight;
    }

    /** The scenario with its segments split into their regions (itself when regions are not active). */
    public static Scenario expand(Scenario s) {
        if (!active(s)) return s;
        boolean prices = s.mechanisms().regionalPrices();
        List<SegmentSpec> parts = new ArrayList<>();
        Map<String, String> parent = new HashMap<>();
        for (SegmentSpec g : s.segments()) {
            if (g.region() != null) {
                double wtp = prices ? s.regions().get(s.regionIndex(g.region())).willingnessToPay() : 1;
                parts.add(wtp == 1 ? g : g.withPriceWeight(regionalPriceWeight(g, g.region(), wtp)));
                continue;
            }
            for (RegionSpec r : s.regions()) {
                double share = r.shareOf(g.id());
                if (share <= 0) continue;
                double wtp = prices ? r.willingnessToPay() : 1;
                SegmentSpec part = g.inRegion(r.id(), share, regionalPriceWeight(g, r.id(), wtp));
                parts.add(part);
                parent.put(part.id(), g.id());
            }
        }
        List<LabSpec> labs = new ArrayList<>();
        for (LabSpec l : s.labs()) labs.add(l.withInitialAwareness(awareness(l, parts, parent)));
        // The parts carry their regions; the shares that made them name segments that no longer exist.
        List<RegionSpec> regions = new ArrayList<>();
        for (RegionSpec r : s.regions()) regions.add(new RegionSpec(r.id(), r.name(), Map.of(), r.willingnessToPay()));
        return new Scenario(s.run(), s.technology(), s.market(), labs, parts, s.hosts(), s.distillers(), s.mechanisms(), s.network(),
            regions, s.access(), s.exportControls(), s.financing(), s.advertising(), s.trainingBudget(), s.apiPricing(), s.parentApps(), s.cloudHosting(), s.wageBids(), s.ecosystem(), s.enterpriseContracts(), s.thirdPartyFineTunes(), s.derivativesPerBaseModel(), s.planPricing(), s.releaseDecisions());
    }

    private static Map<String, Double> awareness(LabSpec l, List<SegmentSpec> parts, Map<String, String> parent) {
        Map<String, Double> a = new HashMap<>();
        for (SegmentSpec p : parts) {
            String segment = parent.getOrDefault(p.id(), p.id());
            Double v = l.regionalAwareness().getOrDefault(p.region(), Map.of()).get(segment);
            if (v == null) v = l.initialAwareness().get(segment);
            if (v != null) a.put(p.id(), v);
        }
        return a;
    }

    /**
     * The scenario as one written without regions: no regions, access rules or export controls,
     * and no home region, hardware options, regional awareness or segment region. Its runs are
     * those of the scenario with {@code regions} off, bit for bit (when no segment has a region of its own).
     */
    public static Scenario strip(Scenario s) {
        List<LabSpec> labs = new ArrayList<>();
        for (LabSpec l : s.labs()) labs.add(l.withoutRegions());
        List<SegmentSpec> segments = new ArrayList<>();
        for (SegmentSpec g : s.segments()) segments.add(g.region() == null ? g : g.withRegion(null));
        return new Scenario(s.run(), s.technology(), s.market(), labs, segments, s.hosts(), s.distillers(), s.mechanisms(), s.network(),
            List.of(), List.of(), List.of(), s.financing(), s.advertising(), s.trainingBudget(), s.apiPricing(), s.parentApps(), s.cloudHosting(), s.wageBids(), s.ecosystem(), s.enterpriseContracts(), s.thirdPartyFineTunes(), s.derivativesPerBaseModel(), s.planPricing(), s.releaseDecisions());
    }
}
