package owsim.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.LabSummary;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.TestWorlds;

/** Claim l: the measures are the lab's own accounts against the published baseline, and the margin flips where the finding says. */
class OpenCoreClaimTest {
    private final AggregateEngine engine = new AggregateEngine(Catalog.bundled());
    private final Scenario base = TestWorlds.fourLabs();

    @Test void theBaselineIsThePublishedFigures() {
        assertThat(OpenCoreCompany.maxCostOfRevenueShare()).isEqualTo(0.28);  // Confluent, Q3 2023 gross margin 72%
        assertThat(OpenCoreCompany.maxPayingCustomers()).isEqualTo(47_800);   // MongoDB, 31 Jan 2024 (Elastic: 21,300)
        assertThat(OpenCoreCompany.medianRevenueUsdPerYear()).isEqualTo(777e6);
    }

    @Test void capitalIntensityIsTheLabsComputeSpendPerRevenueDollar() {
        ClaimResult r = new OpenCoreClaim().evaluate(base, engine);
        LabSummary s = Experiments.lab(engine.run(base), Experiments.challenger(base));
        assertThat(r.measures().get(0).withValue()).isCloseTo((s.trainingSpendUsd() + s.servingCostUsd()) / s.revenueUsd(), within(1e-12));
        assertThat(r.holdsHere()).isEqualTo(r.verdict().kind() == Verdict.Kind.HOLDS);
    }

    @Test void cheaperTrainingLowersTheCapitalPart() {
        ClaimResult here = new OpenCoreClaim().evaluate(base, engine);
        // A thousandth of the challenger's training run: its compute spend per revenue dollar must fall.
        Scenario cheap = new ScenarioOverrides().apply(base, "labs[open-challenger].trainingComputeFlop", 6.0e21);
        ClaimResult r = new OpenCoreClaim().evaluate(cheap, engine);
        assertThat(r.measures().get(0).withValue()).isLessThan(here.measures().get(0).withValue());
    }

    /** The margin is the distance to the flip: the smaller of the two parts' log10 factors, each 0 exactly where that part flips. */
    @Test void theMarginIsTheNearerOfTheTwoFlips() {
        ClaimResult r = new OpenCoreClaim().evaluate(base, engine);
        Measure capital = r.measures().get(0);
        Measure volume = r.measures().get(1);
        double capitalFactor = Math.log10(capital.withValue() / capital.withoutValue());
        double volumeFactor = Math.log10(volume.withoutValue() / volume.withValue());
        assertThat(r.margin()).isCloseTo(Math.min(capitalFactor, volumeFactor), within(1e-12));
        assertThat(r.verdict().kind() == Verdict.Kind.HOLDS).isEqualTo(capitalFactor > 0 && volumeFactor > 0);
        assertThat(r.finding()).contains(String.format(java.util.Locale.ROOT, "%.1f-fold", Math.pow(10, Math.abs(capitalFactor))));
    }
}
