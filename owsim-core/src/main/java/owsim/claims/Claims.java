package owsim.claims;

import java.util.ArrayList;
import java.util.List;
import owsim.io.InputException;
import owsim.market.Engine;
import owsim.scenario.Scenario;

/** The twelve claims a-l in order, and a way to evaluate them all. */
public final class Claims {
    private Claims() {}

    /** Every claim, a to l. */
    public static List<Claim> all() {
        return List.of(new SpilloverClaim(), new SubscriptionClaim(), new DistillationClaim(), new SelfHostClaim(), new AttentionClaim(),
            new DistributionClaim(), new EarlyDaysClaim(), new DerivativesClaim(), new LockInClaim(), new TippingPointClaim(),
            new TalentClaim(), new OpenCoreClaim());
    }

    /** Fewest labs the claims' experiments need: each compares a lab with the others (a challenger, a closed frontier lab, followers). */
    public static final int MIN_LABS = 2;

    /**
     * Evaluates every claim on one scenario.
     *
     * @throws InputException when the scenario has fewer than {@link #MIN_LABS} labs
     */
    public static List<ClaimResult> evaluateAll(Scenario base, Engine engine) {
        requireApplicable(base);
        List<ClaimResult> out = new ArrayList<>();
        for (Claim c : all()) out.add(c.evaluate(base, engine));
        return out;
    }

    /**
     * Refuses a scenario the claims cannot be tested on, before any claim runs.
     *
     * @throws InputException when the scenario has fewer than {@link #MIN_LABS} labs
     */
    public static void requireApplicable(Scenario base) {
        if (base.labs().size() < MIN_LABS) {
            throw InputException.ofField("labs", "the claims compare labs with each other (an open challenger, a closed frontier lab,"
                + " the labs that follow the best open model) and need at least " + MIN_LABS + "; the scenario '" + base.name()
                + "' has " + base.labs().size() + " (" + base.labs().get(0).id() + ")");
        }
    }
}
