package owsim.claims;

import owsim.market.Engine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/** One claim about open weights as an experiment on the market model. */
public interface Claim {
    /** Letter a-l, as in the claim table. */
    String id();

    /** The claim in one line. */
    String statement();

    /** What is compared, in words. */
    String experiment();

    /** The mechanism switch ({@link owsim.scenario.Mechanisms#with(MechanismSwitch, boolean)}) the claim rests on, or null when it is not a market mechanism. */
    MechanismSwitch mechanism();

    /**
     * Runs the experiment on {@code base} with any engine; the same scenario and engine options give
     * the same result (the agent engine draws from the scenario's seed).
     */
    ClaimResult evaluate(Scenario base, Engine engine);
}
