package owsim.serving;

/**
 * One way to get a monthly token volume of a model: buy hardware, rent GPUs, pay an API, or a
 * subscription. {@code hardware} and {@code gpus} are empty/0 for API and subscription.
 *
 * @param upfrontUsd the purchase, paid once at the start (buy; 0 otherwise)
 * @param purchaseUsdPerMonth the purchase amortised per month, a part of {@code monthlyUsd} (buy; 0 otherwise)
 * @param monthlyUsd everything a month costs: for buy the amortised purchase plus hosting and power,
 *     for rent the rental around the clock, for the API tokens at its price, for a subscription its fee
 * @param usdPerMillionTokens {@code monthlyUsd} per million of the month's tokens
 */
public record SelfHostOption(
    String option,
    String hardware,
    int gpus,
    double upfrontUsd,
    double purchaseUsdPerMonth,
    double monthlyUsd,
    double usdPerMillionTokens,
    boolean feasible,
    String note) {}
