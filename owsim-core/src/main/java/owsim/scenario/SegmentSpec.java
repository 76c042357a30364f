package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.identifier;
import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.positiveAtMost;
import static owsim.io.Check.range;

import java.util.List;
import java.util.Map;

/**
 * A group of users with one usage distribution, hardware, sensitivities and diffusion rates.
 *
 * @param population people in the segment at month 0
 * @param populationGrowthPerYear factor by which the population grows per year
 * @param options ways this segment can use models (subscription, free, api, hosted, selfhost)
 * @param medianTokensPerMonth median tokens a user wants per month (lognormal)
 * @param usageSigma sigma of ln(tokens per month)
 * @param capabilityWeightPerDecade alpha: utility per factor 10 of effective compute behind a model
 * @param priceWeightPerUsd beta: utility lost per USD per month
 * @param switchingCostUtils S: utility of staying with the current option when reconsidering
 * @param churnPerMonth share of users (and non-users) who reconsider their choice each month
 * @param bassInnovationPerYear p: media-driven awareness hazard per year
 * @param wordOfMouthPerYear q: awareness hazard per year per unit of adopters in the contact pool
 * @param influence weight of this segment's adopters in every segment's contact pool (influentials high)
 * @param reachable true when a lab's other apps reach this segment (distribution channel)
 * @param ecosystemWeight theta: utility per unit of ln(1 + derivatives) of the model's lab
 * @param derivativesPerUserMonth rho: derivative models created per month per user running a lab's open model
 * @param optionUtility fixed utility by option kind (hassle of self-hosting, trust in hosts), utils
 * @param vram hardware memory distribution for self-hosting on own cards (shares sum to at most 1; the rest have none)
 * @param cardHardware catalog consumer card whose speed and power stand for every card of the vram distribution
 * @param datacenterHardware catalog accelerator this segment rents to self-host (major players), or absent
 * @param region id of the region the segment lives in, or absent: then, when the scenario has regions, it is
 *     split across them by their population shares
 * @param enterprise procurement lag and lab-API premium of a segment of firms (mechanism {@code enterprise}), or absent
 * @param multiHoming share of the segment's adopters who also use a second lab's assistant, and how much
 *     (mechanism {@code multiHoming}), or absent
 * @param usageGrowthPerYear factor by which the median tokens a user wants per month grow per year, compounded
 *     monthly from month 0 (mechanism {@code usageGrowth}), or absent: no growth
 * @param usageGrowthCeiling most the median may grow to, as a factor of month 0's (mechanism {@code usageGrowth}),
 *     or absent: no ceiling
 * @param priceWeightUsageElasticity e, 0-1: with {@code usageGrowth} acting (mechanism {@code pricePerWork}), what
 *     the segment pays by the token is weighed at {@code priceWeightPerUsd / usageFactor^e}, or absent: 0, the full
 *     weight on the grown bill
 */
public record SegmentSpec(
    String id,
    String description,
    double population,
    double populationGrowthPerYear,
    List<OptionKind> options,
    double medianTokensPerMonth,
    double usageSigma,
    double capabilityWeightPerDecade,
    double priceWeightPerUsd,
    double switchingCostUtils,
    double churnPerMonth,
    double bassInnovationPerYear,
    double wordOfMouthPerYear,
    double influence,
    boolean reachable,
    double ecosystemWeight,
    double derivativesPerUserMonth,
    Map<OptionKind, Double> optionUtility,
    List<VramShare> vram,
    String cardHardware,
    String datacenterHardware,
    String region,
    EnterpriseSpec enterprise,
    MultiHomingSpec multiHoming,
    Double usageGrowthPerYear,
    Double usageGrowthCeiling,
    Double priceWeightUsageElasticity) {
    /**
     * Most vram entries of a segment. The agent engine gives each (segment, usage bin, hardware)
     * a 16-bit class: 127 segments x 7 usage bins x (35 + 1) hardware entries fits in it.
     */
    public static final int MAX_VRAM_ENTRIES = 35;
    /** The smallest price weight above 0 (utility per USD); below it the consumer surplus (utility over weight) overflows. */
    public static final double MIN_POSITIVE_PRICE_WEIGHT_PER_USD = 1e-12;


    public SegmentSpec {
        identifier("id", id);
        if (description == null) description = "";
        range("population", population, 0, 1e11);
        range("populationGrowthPerYear", populationGrowthPerYear, 0.1, 100);
        if (options == null || options.isEmpty()) throw new IllegalArgumentException("options: at least one of subscription, free, api, hosted, selfhost");
        options = nonNullElements("options", options);
        positiveAtMost("medianTokensPerMonth", medianTokensPerMonth, 1e12);
        range("usageSigma", usageSigma, 0.01, 5);
        range("capabilityWeightPerDecade", capabilityWeightPerDecade, 0, 100);
        range("priceWeightPerUsd", priceWeightPerUsd, 0, 100);
        // Consumer surplus divides by it: a weight below 1e-12 utility per USD (a user indifferent to a trillion dollars)
        // makes the surplus overflow; 0 means price does not matter, and the surplus is not counted.
        if (priceWeightPerUsd > 0 && priceWeightPerUsd < MIN_POSITIVE_PRICE_WEIGHT_PER_USD) {
            throw new IllegalArgumentException("priceWeightPerUsd: must be 0 or between 1e-12 and 100, was " + priceWeightPerUsd);
        }
        range("switchingCostUtils", switchingCostUtils, 0, 50);
        fraction("churnPerMonth", churnPerMonth);
        range("bassInnovationPerYear", bassInnovationPerYear, 0, 100);
        range("wordOfMouthPerYear", wordOfMouthPerYear, 0, 100);
        range("influence", influence, 0, 1e6);
        range("ecosystemWeight", ecosystemWeight, 0, 100);
        range("derivativesPerUserMonth", derivativesPerUserMonth, 0, 1000);
        optionUtility = optionUtility == null ? Map.of() : nonNullValues("optionUtility", optionUtility);
        for (Map.Entry<OptionKind, Double> e : optionUtility.entrySet()) range("optionUtility", e.getKey(), e.getValue(), -50, 50);
        vram = vram == null ? List.of() : nonNullElements("vram", vram);
        if (vram.size() > MAX_VRAM_ENTRIES) {
            throw new IllegalArgumentException("vram: at most " + MAX_VRAM_ENTRIES + " entries (the agent engine's limit), was " + vram.size());
        }
        double sum = 0;
        for (VramShare v : vram) sum += v.share();
        if (sum > 1 + 1e-9) throw new IllegalArgumentException("vram: shares must sum to at most 1, was " + sum);
        if (!vram.isEmpty() && cardHardware == null) throw new IllegalArgumentException("cardHardware: is required when vram is given");
        if (options.contains(OptionKind.SELFHOST) && vram.isEmpty() && datacenterHardware == null) {
            throw new IllegalArgumentException("options: selfhost needs vram (own cards) or datacenterHardware (rented)");
        }
        if (region != null) identifier("region", region);
        if (usageGrowthPerYear != null) range("usageGrowthPerYear", usageGrowthPerYear, 0.1, 100);
        if (usageGrowthCeiling != null) range("usageGrowthCeiling", usageGrowthCeiling, 0.01, 1e6);
        if (priceWeightUsageElasticity != null) range("priceWeightUsageElasticity", priceWeightUsageElasticity, 0, 1);
    }

    /**
     * The factor on the median tokens per month in a month of the run (mechanism {@code usageGrowth}):
     * {@code usageGrowthPerYear^(month/12)}, at most {@code usageGrowthCeiling} (below 1 for a shrinking
     * usage: at least it); exactly 1 without a growth.
     */
    public double usageFactor(int month) {
        if (usageGrowthPerYear == null) return 1;
        double f = Math.pow(usageGrowthPerYear, month / 12.0);
        if (usageGrowthCeiling != null) f = usageGrowthPerYear >= 1 ? Math.min(f, usageGrowthCeiling) : Math.max(f, usageGrowthCeiling);
        return f;
    }

    /**
     * This segment's part living in one region, with id "segment.region": {@code share} of its people
     * and of its weight in the contact pool (so that the parts of a segment together weigh what it
     * weighed), and the given price weight.
     */
    public SegmentSpec inRegion(String regionId, double share, double priceWeight) {
        return new SegmentSpec(id + "." + regionId, description, population * share, populationGrowthPerYear, options, medianTokensPerMonth, usageSigma,
            capabilityWeightPerDecade, priceWeight, switchingCostUtils, churnPerMonth, bassInnovationPerYear, wordOfMouthPerYear,
            influence * share, reachable, ecosystemWeight, derivativesPerUserMonth, optionUtility, vram, cardHardware, datacenterHardware, regionId, enterprise, multiHoming, usageGrowthPerYear, usageGrowthCeiling, priceWeightUsageElasticity);
    }

    /** This segment with another region (null: none). */
    public SegmentSpec withRegion(String r) {
        return new SegmentSpec(id, description, population, populationGrowthPerYear, options, medianTokensPerMonth, usageSigma,
            capabilityWeightPerDecade, priceWeightPerUsd, switchingCostUtils, churnPerMonth, bassInnovationPerYear, wordOfMouthPerYear,
            influence, reachable, ecosystemWeight, derivativesPerUserMonth, optionUtility, vram, cardHardware, datacenterHardware, r, enterprise, multiHoming, usageGrowthPerYear, usageGrowthCeiling, priceWeightUsageElasticity);
    }

    /** This segment with another price weight (a region's willingness to pay). */
    public SegmentSpec withPriceWeight(double priceWeight) {
        return new SegmentSpec(id, description, population, populationGrowthPerYear, options, medianTokensPerMonth, usageSigma,
            capabilityWeightPerDecade, priceWeight, switchingCostUtils, churnPerMonth, bassInnovationPerYear, wordOfMouthPerYear,
            influence, reachable, ecosystemWeight, derivativesPerUserMonth, optionUtility, vram, cardHardware, datacenterHardware, region, enterprise, multiHoming, usageGrowthPerYear, usageGrowthCeiling, priceWeightUsageElasticity);
    }

    /** Whether users of this segment may choose this kind of option. */
    public boolean allows(OptionKind k) { return options.contains(k); }

    /** Fixed utility of an option kind. */
    public double utilityOf(OptionKind k) { return optionUtility.getOrDefault(k, 0.0); }
}
