package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;
import owsim.scenario.WageBidsSpec;

/** The run summary and report list each lab's pay offer by year when labs decide it, and say nothing of it otherwise (the four-lab world). */
class PayOffersTest {
    private static final AggregateEngine ENGINE = new AggregateEngine(Catalog.bundled());

    @Test void eachLabsOfferByYearWithTheMechanismAndNothingWithout() {
        Scenario off = TestWorlds.fourLabs().withMonths(24);
        Scenario on = off.withWageBids(new WageBidsSpec(0.9, 1.1, 3.0, 1.0, 0.5, Map.of("open-challenger", List.of(2.0))));
        RunResult run = ENGINE.run(on);
        assertThat(PayOffers.present(run)).isTrue();
        assertThat(PayOffers.of(run)).hasSize(on.labs().size());
        // The frontier lab starts at its researcherUsdPerYear, $1.5M; the open challenger on its schedule at 2 x $0.2M.
        assertThat(PayOffers.of(run).get(0)).startsWith("frontier-closed: $1.50M at the start, 2025 $");
        assertThat(PayOffers.of(run).get(1)).isEqualTo("open-challenger: $0.40M at the start, 2025 $0.40M, 2026 $0.40M");
        double end2025 = run.series("frontier-closed", MetricNames.RESEARCHER_PAY_USD_PER_YEAR).at(11);
        assertThat(PayOffers.of(run).get(0)).contains(String.format(java.util.Locale.ROOT, "2025 $%.2fM,", end2025 / 1e6));
        assertThat(SummaryTable.render(run)).contains("Researcher pay offers (USD per researcher-year");
        assertThat(HtmlReport.render(run, "test")).contains("<h2>Researcher pay offers</h2>");
        RunResult before = ENGINE.run(off);
        assertThat(PayOffers.present(before)).isFalse();
        assertThat(SummaryTable.render(before)).doesNotContain("pay offers");
        assertThat(HtmlReport.render(before, "test")).doesNotContain("pay offers");
    }
}
