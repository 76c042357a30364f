package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/** A world of twenty labs (test resource twenty-labs.yaml) runs end to end on the aggregate engine, its choice by the integral. */
class TwentyLabsTest {
    static Scenario twentyLabs() {
        try {
            return Scenarios.load(Path.of(TwentyLabsTest.class.getResource("/scenarios/twenty-labs.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twentyLabsRunWithEveryIdentityHoldingEveryMonth() {
        Scenario s = twentyLabs();
        assertThat(s.labs()).hasSize(20);
        assertThat(s.labs().size()).isGreaterThan(KnownLabsLogit.EXACT_MAX_LABS);
        assertThat(AccountingTest.checkEveryMonth(s)).isEqualTo(s.months());
    }

    @Test
    void theSmallerCopiesHaveFewerUsers() {
        RunResult r = Fixtures.ENGINE.run(twentyLabs());
        int last = r.series("frontier-closed", "users").values().length - 1;
        for (String archetype : new String[] {"frontier-closed", "open-challenger", "app-giant"}) {
            double first = r.series(archetype, "users").at(last);
            double smallest = r.series(archetype + "-5", "users").at(last);
            // Paying their R&D compute (researchCompute), the smallest copies may run out of money and exit with none.
            assertThat(smallest).as(archetype + "-5").isNotNegative().isLessThan(first);
        }
    }
}
