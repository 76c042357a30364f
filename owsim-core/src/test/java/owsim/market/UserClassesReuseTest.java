package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * A month's user classes copy the usage moments of a class of the same segment and usage bin, and of
 * the month before for a segment whose median did not move (no growth, or at its ceiling): the tables
 * must be those made from scratch, bit for bit, in every month of the landscape (usage growth on, with
 * segments that reach their ceiling and some with no growth).
 */
class UserClassesReuseTest {
    @Test
    void everyMonthsTableEqualsOneMadeFromScratch() {
        Scenario s = Scenarios.defaultScenario();
        assertThat(s.mechanisms().usageGrowth()).isTrue();
        UserClasses previous = new UserClasses(s);
        int reusedSegments = 0;
        for (int m = 1; m < s.months(); m++) {
            UserClasses reused = new UserClasses(s, m, previous);
            UserClasses fresh = new UserClasses(s, m, null);
            assertThat(reused.tokens).as("month %d", m).isEqualTo(fresh.tokens);
            assertThat(reused.subTokens).as("month %d", m).isEqualTo(fresh.subTokens);
            assertThat(reused.freeTokens).as("month %d", m).isEqualTo(fresh.freeTokens);
            assertThat(reused.proTokens).as("month %d", m).isEqualTo(fresh.proTokens);
            for (int g = 0; g < s.segments().size(); g++) if (previous.median[g] == reused.median[g]) reusedSegments++;
            previous = reused;
        }
        assertThat(reusedSegments).as("segment-months taken from the month before").isPositive();
    }
}
