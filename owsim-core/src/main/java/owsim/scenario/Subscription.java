package owsim.scenario;

import static owsim.io.Check.nonNegative;

/**
 * A flat-fee plan: price per month and the monthly token limit. A price of 0 with a cap is a free tier.
 *
 * @param usdPerMonth fee, USD per month
 * @param monthlyTokenCap tokens a user may use per month before the limit stops them
 */
public record Subscription(double usdPerMonth, double monthlyTokenCap) {
    public Subscription {
        nonNegative("usdPerMonth", usdPerMonth);
        nonNegative("monthlyTokenCap", monthlyTokenCap);
    }
}
