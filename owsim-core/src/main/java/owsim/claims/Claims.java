package owsim.claims;

import java.util.ArrayList;
import java.util.List;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;

/** The ten claims a-j in order, and a way to evaluate them all. */
public final class Claims {
    private Claims() {}

    /** Every claim, a to j. */
    public static List<Claim> all() {
        return List.of(new SpilloverClaim(), new SubscriptionClaim(), new DistillationClaim(), new SelfHostClaim(), new AttentionClaim(),
            new DistributionClaim(), new EarlyDaysClaim(), new DerivativesClaim(), new LockInClaim(), new TippingPointClaim());
    }

    /** Evaluates every claim on one scenario. */
    public static List<ClaimResult> evaluateAll(Scenario base, AggregateEngine engine) {
        List<ClaimResult> out = new ArrayList<>();
        for (Claim c : all()) out.add(c.evaluate(base, engine));
        return out;
    }
}
