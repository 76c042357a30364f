package owsim.market;

/**
 * Market-wide figures of a run.
 *
 * @param openWeightTokenShare share of all tokens in the last 12 months served by open-weight models (0..1)
 * @param openModelLagMonths months by which the best open model trails the best closed one at the end
 * @param consumerSurplusUsd users' surplus over the run (logit inclusive value in dollars), USD
 */
public record MarketSummary(double openWeightTokenShare, double openModelLagMonths, double consumerSurplusUsd) {}
