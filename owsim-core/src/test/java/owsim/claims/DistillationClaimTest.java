package owsim.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;

/** Claim c on the four-lab world: closed vs open by construction, the delayed release decided by the distillers' choice. */
class DistillationClaimTest {
    private final AggregateEngine engine = new AggregateEngine(Catalog.bundled());
    private final Scenario base = TestWorlds.fourLabs();
    private final DistillationClaim claim = new DistillationClaim();

    @Test void openingOnReleaseRemovesTheBurdenAndTheDelayedReleasesAreMeasured() {
        ClaimResult r = claim.evaluate(base, engine);
        Measure open = r.measures().get(0);
        // Closed, distillers harvest its service: a burden or (when they pay more than it costs) a gain.
        assertThat(open.withValue()).isNotZero();
        assertThat(open.withoutValue()).isZero(); // by construction: nothing left closed to harvest
        // closed vs open, then one measure per tested delay
        assertThat(r.measures()).hasSize(5);
        assertThat(r.chart().lines()).hasSize(6);
        // The threshold is the month where a delayed release stops removing half the burden: one month less still does.
        if (r.verdict().kind() == Verdict.Kind.HOLDS_WHEN) {
            String lab = Experiments.frontier(base);
            int k = (int) r.verdict().threshold();
            double bClosed = open.withValue();
            double bAt = Experiments.lab(engine.run(base.withPolicy(lab, "open-delayed(" + k + ")")), lab).distillationBurdenUsd();
            double bBefore = Experiments.lab(engine.run(base.withPolicy(lab, "open-delayed(" + (k - 1) + ")")), lab).distillationBurdenUsd();
            assertThat(bClosed - bAt).isLessThan(0.5 * bClosed);
            assertThat(bClosed - bBefore).isGreaterThanOrEqualTo(0.5 * bClosed);
        }
    }

    /**
     * With distillers that never look at cost (the rule before they chose), a delayed release keeps
     * the newest model closed and harvested whenever it is the more capable teacher: the relief is
     * then far smaller than with cost-aware distillers, so the verdict rests on the choice.
     */
    @Test void costBlindDistillersHarvestTheNewestClosedModelOfADelayedRelease() {
        // In the world the rule was measured in: at list API prices (apiPricing off; with the frontier lab's price
        // following its serving cost up, a harvest pays it more than it costs to serve, and the burden compared here
        // becomes a gain), and paying only its final runs (researchCompute off; paying its R&D compute, its runs follow
        // its cash, and with them which model is newest when).
        Scenario base = Experiments.with(Experiments.with(this.base, owsim.scenario.MechanismSwitch.API_PRICING, false),
            MechanismSwitch.RESEARCH_COMPUTE, false);
        String lab = Experiments.frontier(base);
        Scenario delayed = base.withPolicy(lab, "open-delayed(6)");
        Scenario blind = delayed.withDistillers(delayed.distillers().stream()
            .map(d -> new owsim.scenario.DistillerSpec(d.id(), d.studentLab(), d.targets(), d.harvestBudgetUsdPerMonth(), d.apiShare(),
                d.subscriptionShare(), d.freeShare(), d.tokensPerExchange(), d.saturationExchanges(), d.closedCatchUpPerMonth(),
                d.openCatchUpPerMonth(), "most-capable", d.openSamplesPerMonth()))
            .toList());
        double bClosed = Experiments.lab(engine.run(base.withPolicy(lab, "closed")), lab).distillationBurdenUsd();
        double bChoosing = Experiments.lab(engine.run(delayed), lab).distillationBurdenUsd();
        double bBlind = Experiments.lab(engine.run(blind), lab).distillationBurdenUsd();
        assertThat(bBlind).isGreaterThan(bChoosing);
    }

    @Test void withDistillationOffThereIsNoBurdenAndNoEffect() {
        ClaimResult off = claim.evaluate(Experiments.with(base, MechanismSwitch.DISTILLATION, false), engine);
        assertThat(off.effect()).isZero();
        assertThat(off.verdict().kind()).isEqualTo(Verdict.Kind.FAILS);
        assertThat(off.holdsHere()).isFalse();
        for (Measure m : off.measures()) {
            assertThat(m.withValue()).isZero();
            assertThat(m.withoutValue()).isZero();
        }
    }
}
