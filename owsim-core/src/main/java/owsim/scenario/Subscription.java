package owsim.scenario;

import static owsim.io.Check.range;

/**
 * A flat-fee plan: price per month and the monthly token limit. A price of 0 with a cap is a free tier.
 *
 * @param usdPerMonth fee, USD per month
 * @param monthlyTokenCap tokens a user may use per month before the limit stops them
 */
public record Subscription(double usdPerMonth, double monthlyTokenCap) {
    public Subscription {
        range("usdPerMonth", usdPerMonth, 0, 1e5);
        // A plan that allows no tokens is no plan: leave the section out for a lab that offers none.
        if (!(monthlyTokenCap > 0 && monthlyTokenCap <= 1e12)) {
            throw new IllegalArgumentException("monthlyTokenCap: must be > 0 and at most 1e12 tokens per month (leave the plan out for a lab"
                + " that offers none), was " + monthlyTokenCap);
        }
    }
}
