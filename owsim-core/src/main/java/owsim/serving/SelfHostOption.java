package owsim.serving;

/**
 * One way to get a monthly token volume of a model: buy hardware, rent GPUs, pay an API, or a
 * subscription. {@code hardware} and {@code gpus} are empty/0 for API and subscription.
 */
public record SelfHostOption(
    String option,
    String hardware,
    int gpus,
    double upfrontUsd,
    double monthlyUsd,
    double usdPerMillionTokens,
    boolean feasible,
    String note) {}
