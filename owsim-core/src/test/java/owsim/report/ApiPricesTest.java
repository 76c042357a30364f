package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;

/** The run summary and report list each lab's API price by year when labs decide it, and say nothing of it otherwise. */
class ApiPricesTest {
    private static final AggregateEngine ENGINE = new AggregateEngine(Catalog.bundled());

    @Test void theDefaultWorldListsEachLabsApiPriceByYearAndARunWithoutPricingDoesNot() {
        Scenario on = TestWorlds.fourLabs();
        RunResult run = ENGINE.run(on);
        assertThat(ApiPrices.present(run)).isTrue();
        assertThat(ApiPrices.of(run)).hasSize((int) on.labs().stream().filter(l -> l.api() != null).count());
        // The frontier lab starts at its list price, $2.50/$10 blended at the scenario's input share.
        double list = on.labs().get(0).api().usdPerToken(on.technology().inputTokenShare()) * 1e6;
        assertThat(ApiPrices.of(run).get(0)).startsWith(String.format(java.util.Locale.ROOT, "frontier-closed: $%.2f at the start, 2025 $", list));
        // The year's figure is the series' value in the year's last month.
        double end2025 = run.series("frontier-closed", MetricNames.API_USD_PER_MILLION_TOKENS).at(11);
        assertThat(ApiPrices.of(run).get(0)).contains(String.format(java.util.Locale.ROOT, "2025 $%.2f,", end2025));
        assertThat(SummaryTable.render(run)).contains("API prices (USD per million");
        assertThat(HtmlReport.render(run, "test")).contains("<h2>API prices</h2>");
        RunResult off = ENGINE.run(on.with(MechanismSwitch.API_PRICING, false));
        assertThat(ApiPrices.present(off)).isFalse();
        assertThat(SummaryTable.render(off)).doesNotContain("API prices");
        assertThat(HtmlReport.render(off, "test")).doesNotContain("API prices");
    }
}
