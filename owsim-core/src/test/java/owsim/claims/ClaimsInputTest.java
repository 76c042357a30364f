package owsim.claims;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;

/** Issue 12: the claims on a one-lab scenario ended in a NullPointerException. */
class ClaimsInputTest {
    @Test
    void aOneLabScenarioIsRefusedNamingWhatTheClaimsNeed() {
        Scenario base = owsim.scenario.Regions.strip(TestWorlds.fourLabs());
        Scenario one = base.withDistillers(List.of()).withLabs(List.of(base.labs().get(0)));
        assertThatThrownBy(() -> Claims.evaluateAll(one, new AggregateEngine(Catalog.bundled())))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("labs: ")
            .hasMessageContaining("need at least 2")
            .hasMessageContaining("has 1 (frontier-closed)");
    }
}
