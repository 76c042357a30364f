package owsim.policy;

/**
 * What a release policy may know about the market in the month it decides.
 *
 * @param month current month index
 * @param frontierCapability best capability of any released model (open or closed)
 * @param frontierLog10PerMonth how fast the frontier moves, log10 effective FLOP per month
 */
public record PolicyContext(int month, double frontierCapability, double frontierLog10PerMonth) {}
