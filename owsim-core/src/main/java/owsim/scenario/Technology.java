package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.range;

/**
 * How compute turns into capability, and the research and spillover rates every lab shares.
 *
 * @param algorithmicProgressPerYear factor by which a lab with {@code referenceResearchers} raises its algorithmic efficiency A per year
 * @param referenceResearchers researchers at which own research gives exactly {@code algorithmicProgressPerYear}
 * @param researchElasticity g(R) = g_ref (R / R_ref)^elasticity (diminishing returns to research labour)
 * @param spilloverPerMonth sigma: share of the gap in ln A to the best open model closed per month
 * @param communityProgressPerDerivativeGrowth psi: ln A gain per unit of ln(1 + dD/D) of a lab's open-model derivatives
 * @param tokensPerActiveParam r: training tokens per active parameter at month 0, so N_active = sqrt(C / (6 r))
 * @param tokensPerActiveParamGrowthPerYear factor by which r grows per year (inference-aware overtraining keeps models smaller than compute-optimal)
 * @param hardwareCostDeclinePerYear factor by which the cost of a FLOP (training and serving on a given accelerator class) falls per year
 * @param trainingMfu model FLOP utilisation of training runs (share of dense BF16 peak)
 * @param distilledPenaltyPerDecade capability (log10 units) lost per factor 10 smaller active parameters in a distilled variant
 * @param inputTokenShare share of tokens that are input (prompt) tokens, used to blend per-token prices
 * @param fixedCapabilityForPrice capability (log10 effective FLOP) at which the price per token is tracked and from which capability utility is counted; 0 = the frontier at month 0
 * @param chatMinUserTokensPerSecond output tokens/s each user of a lab's subscription or free tier must see: fleets are priced at the cheapest layout and batch that meet it (0 = the max-throughput point)
 * @param apiMinUserTokensPerSecond the same for a lab's API and third-party hosts
 * @param batchMinUserTokensPerSecond the same for work with no one waiting on each token: self-hosting on rented data-centre hardware and distillation
 */
public record Technology(
    double algorithmicProgressPerYear,
    double referenceResearchers,
    double researchElasticity,
    double spilloverPerMonth,
    double communityProgressPerDerivativeGrowth,
    double tokensPerActiveParam,
    double tokensPerActiveParamGrowthPerYear,
    double hardwareCostDeclinePerYear,
    double trainingMfu,
    double distilledPenaltyPerDecade,
    double inputTokenShare,
    double fixedCapabilityForPrice,
    double chatMinUserTokensPerSecond,
    double apiMinUserTokensPerSecond,
    double batchMinUserTokensPerSecond) {

    public Technology {
        range("algorithmicProgressPerYear", algorithmicProgressPerYear, 1, 100);
        range("referenceResearchers", referenceResearchers, 1, 1e7); // a count of researchers: below one, (R / Rref)^e overflows
        range("researchElasticity", researchElasticity, 0, 2);
        fraction("spilloverPerMonth", spilloverPerMonth);
        range("communityProgressPerDerivativeGrowth", communityProgressPerDerivativeGrowth, 0, 10);
        range("tokensPerActiveParam", tokensPerActiveParam, 1, 100000);
        range("tokensPerActiveParamGrowthPerYear", tokensPerActiveParamGrowthPerYear, 0.1, 100);
        range("hardwareCostDeclinePerYear", hardwareCostDeclinePerYear, 0.1, 100);
        range("trainingMfu", trainingMfu, 0.01, 1);
        range("distilledPenaltyPerDecade", distilledPenaltyPerDecade, 0, 10);
        fraction("inputTokenShare", inputTokenShare);
        range("fixedCapabilityForPrice", fixedCapabilityForPrice, 0, 60);
        range("chatMinUserTokensPerSecond", chatMinUserTokensPerSecond, 0, 10000);
        range("apiMinUserTokensPerSecond", apiMinUserTokensPerSecond, 0, 10000);
        range("batchMinUserTokensPerSecond", batchMinUserTokensPerSecond, 0, 10000);
    }

    /** The per-user speed floor of an option kind: chat for plans and free tiers, API for APIs and hosts, batch for self-hosting. */
    public double minUserTokensPerSecond(OptionKind kind) {
        switch (kind) {
            case SUBSCRIPTION:
            case FREE:
                return chatMinUserTokensPerSecond;
            case API:
            case HOSTED:
                return apiMinUserTokensPerSecond;
            default:
                return batchMinUserTokensPerSecond;
        }
    }
}
