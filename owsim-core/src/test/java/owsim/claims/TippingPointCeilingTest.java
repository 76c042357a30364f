package owsim.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.TestWorlds;

/**
 * Claim j sweeps ads' ceiling up to 100 times the world's, which for a world with a ceiling of
 * 1/year or more passed the largest value a scenario allows (100/year) and stopped the uncertainty
 * run; the sweep now ends at that value.
 */
class TippingPointCeilingTest {
    @Test void aHighCeilingWorldIsEvaluated() {
        AggregateEngine engine = new AggregateEngine(Catalog.bundled());
        boolean swept = false;
        for (double ceiling : new double[] {1.0, 1.8}) {
            // Final runs only (researchCompute off): the worlds in which this ceiling was found to stop the sweep.
            Scenario d = TestWorlds.fourLabs();
            d = d.with(owsim.scenario.MechanismSwitch.RESEARCH_COMPUTE, false);
            Scenario s = new ScenarioOverrides().apply(d.withMonths(12), "market.marketingMaxPerYear", ceiling);
            ClaimResult r = new TippingPointClaim().evaluate(s, engine);
            assertThat(r.margin()).as("ceiling %s: %s", ceiling, r.finding()).isFinite();
            if (r.finding().contains("Raising that ceiling") || r.finding().contains("ads can add more than")) swept = true;
            if (r.finding().contains("Raising that ceiling")) assertThat(r.finding()).contains("up to 100.0/year");
        }
        assertThat(swept).as("the ceiling sweep ran in at least one of the worlds").isTrue();
    }
}
