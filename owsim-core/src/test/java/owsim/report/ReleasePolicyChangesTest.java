package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.ReleaseDecisionsSpec;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;

/** The run summary and report list each lab's release policy changes with their months when labs decide them, and say nothing of them otherwise (the four-lab world). */
class ReleasePolicyChangesTest {
    private static final AggregateEngine ENGINE = new AggregateEngine(Catalog.bundled());

    @Test void eachLabsChangesWithTheirMonthsWithTheMechanismAndNothingWithout() {
        Scenario off = TestWorlds.fourLabs().withMonths(24);
        // Decision periods are quarters: small-open closes from month 6 (2025-07); frontier-closed opens six months after release from month 3, then closes from month 9.
        Scenario on = off.withReleaseDecisions(new ReleaseDecisionsSpec(0.3, 0.5, 0.5, 0.1, 12, null, Map.of(), Map.of(
            "small-open", List.of("open", "open", "closed"), "frontier-closed", List.of("closed", "open-delayed(6)", "open-delayed(6)", "closed"))));
        RunResult run = ENGINE.run(on);
        assertThat(ReleasePolicyChanges.present(run)).isTrue();
        assertThat(ReleasePolicyChanges.of(run)).containsExactly(
            "frontier-closed: closed at the start, 2025-04 open after 6 months, 2025-10 closed",
            "small-open: open on release at the start, 2025-07 closed");
        assertThat(ReleasePolicyChanges.policy(12.5)).isEqualTo("open after 12.5 months");
        assertThat(SummaryTable.render(run)).contains("Release policies (when each lab's policy").contains("  small-open: open on release at the start, 2025-07 closed");
        assertThat(HtmlReport.render(run, "test")).contains("<h2>Release policies</h2>");
        RunResult none = ENGINE.run(off.withReleaseDecisions(new ReleaseDecisionsSpec(0.3, 0.5, 0.5, 0.1, 12, null, Map.of(), Map.of())));
        assertThat(ReleasePolicyChanges.of(none)).isEmpty();
        assertThat(SummaryTable.render(none)).contains("no lab changed its release policy");
        RunResult before = ENGINE.run(off);
        assertThat(ReleasePolicyChanges.present(before)).isFalse();
        assertThat(SummaryTable.render(before)).doesNotContain("Release policies");
        assertThat(HtmlReport.render(before, "test")).doesNotContain("Release policies");
    }
}
