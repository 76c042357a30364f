package owsim.serving;

/**
 * What one subscriber costs to serve each month against the price they pay.
 *
 * @param tokensPerMonth tokens the subscriber uses (input and output together)
 * @param usdPerMillionTokens blended serving cost at the assumed input/output mix
 * @param usdCostPerMonth serving cost of the subscriber's usage
 * @param usdPricePerMonth the subscription price
 * @param usdMarginPerMonth price minus cost
 * @param breakEvenTokensPerMonth usage at which cost equals price
 */
public record SubscriberEconomics(
    String model,
    String hardware,
    int gpus,
    double tokensPerMonth,
    double outputShare,
    double usdPerMillionTokens,
    double usdCostPerMonth,
    double usdPricePerMonth,
    double usdMarginPerMonth,
    double breakEvenTokensPerMonth,
    boolean profitable) {}
