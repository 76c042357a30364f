package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;

/** The summary and report list each lab's training budget and compute growth by year, and only when labs decide them. */
class TrainingBudgetsTest {
    private static final AggregateEngine ENGINE = new AggregateEngine(Catalog.bundled());

    @Test void theDefaultWorldListsEachLabsBudgetByYearAndARunWithoutBudgetsDoesNot() {
        // List API prices (apiPricing off): the run docs/MODEL.md's training-budget figures were measured on.
        Scenario on = TestWorlds.fourLabs().with(MechanismSwitch.API_PRICING, false);
        RunResult run = ENGINE.run(on);
        assertThat(TrainingBudgets.present(run)).isTrue();
        assertThat(TrainingBudgets.of(run)).hasSize(on.labs().size());
        // The frontier lab's first year: its April 2025 decision held to the year's end (docs/MODEL.md, Training budget).
        assertThat(TrainingBudgets.of(run).get(0)).matches("frontier-closed: 2025 \\$[0-9.]+[MB] a year at [0-9.]+x, 2026 .*");
        assertThat(SummaryTable.render(run)).contains("Training budgets (what each lab plans to pay");
        assertThat(HtmlReport.render(run, "test")).contains("<h2>Training budgets</h2>");
        RunResult off = ENGINE.run(on.with(MechanismSwitch.TRAINING_BUDGET, false));
        assertThat(TrainingBudgets.present(off)).isFalse();
        assertThat(SummaryTable.render(off)).doesNotContain("Training budgets");
        assertThat(HtmlReport.render(off, "test")).doesNotContain("Training budgets");
    }
}
