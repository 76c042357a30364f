package owsim.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;
import owsim.serving.ServingEngine;

/** Claims a and b on a two-year four-lab world: b prices the subscriber as the market does; a's releaser direction is real. */
class SubscriptionAndSpilloverClaimTest {
    private final AggregateEngine engine = new AggregateEngine(Catalog.bundled());
    private final Scenario base = TestWorlds.fourLabs().withMonths(24);

    @Test void bPricesTheSubscriberOnTheServedModelNotTheTemplate() {
        ClaimResult r = new SubscriptionClaim().evaluate(base, engine);
        String lab = Experiments.frontier(base);
        LabSpec spec = Experiments.spec(base, lab);
        RunResult run = engine.run(base);
        double perToken = Experiments.values(run, lab, MetricNames.SUBSCRIPTION_USD_PER_TOKEN)[SubscriptionClaim.verdictMonth(24)];
        double cap = spec.subscription().monthlyTokenCap();
        assertThat(r.measures().get(0).withValue()).isCloseTo(cap * perToken, within(1e-9 * cap * perToken));
        // The unscaled template on the same fleet is the old, inconsistent figure: the served model costs far more.
        double template = new ServingEngine().subscriber(engine.catalog().model(spec.templateModel()),
            engine.catalog().accelerator(spec.fleetHardware()), cap, spec.subscription().usdPerMonth()).usdCostPerMonth();
        assertThat(r.measures().get(0).withValue()).isGreaterThan(5 * template);
        // The verdict and margin follow the cost at the cap against the fee.
        assertThat(r.margin()).isCloseTo(Math.log10(cap * perToken / spec.subscription().usdPerMonth()), within(1e-12));
        assertThat(r.holdsHere()).isEqualTo(cap * perToken > spec.subscription().usdPerMonth());
    }

    @Test void aReleaserGainsNothingWhenNoOtherLabIsOpen() {
        Scenario s = base;
        String leader = Experiments.challenger(base);
        for (LabSpec l : base.labs()) if (!l.id().equals(leader)) s = Experiments.set(s, "labs[" + l.id() + "].policy", "closed");
        ClaimResult r = new SpilloverClaim().evaluate(s, engine);
        assertThat(r.measures().get(1).withValue()).isZero();
        assertThat(r.effect()).as("the followers still learn from it").isGreaterThan(SpilloverClaim.THRESHOLD);
        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.FAILS);
        assertThat(r.margin()).isCloseTo(-SpilloverClaim.THRESHOLD, within(1e-12));
    }

    @Test void aReleaserLearnsBackFromAMoreEfficientOpenModel() {
        Scenario s = Experiments.set(base, "labs[small-open].algorithmicEfficiency", 20.0);
        ClaimResult r = new SpilloverClaim().evaluate(s, engine);
        String leader = SpilloverClaim.bestOpen(s, engine.run(s));
        assertThat(r.measures().get(1).withValue()).isEqualTo(SpilloverClaim.releaserGain(engine.run(s), leader)).isGreaterThan(0);
    }
}
