package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;

/** docs/EXTENDING.md's example mechanism: its effect is exactly what it pays, and switched off it changes nothing. */
class ResearchGrantTest {
    // Research compute off: paying it, the labs are held by their cash, so a grant would buy training and
    // its effect would no longer be the grant alone.
    private static final Scenario S = Fixtures.FOUR_LABS.withMonths(12).with(owsim.scenario.MechanismSwitch.RESEARCH_COMPUTE, false);
    private static final double GRANT_USD = 5e6;

    /** The steps of MonthlySteps.ORDER with one more at the end of the month, as docs/EXTENDING.md adds it. */
    private static List<Mechanism> withGrant(boolean on) {
        List<Mechanism> steps = new ArrayList<>(MonthlySteps.ORDER);
        steps.add(new ResearchGrant(GRANT_USD, on));
        return steps;
    }

    private static double[] endCash(List<Mechanism> steps) {
        World w = Fixtures.world(S);
        MarketState s = Runs.start(w);
        for (int m = 0; m < S.months(); m++) Runs.step(w, s, m, steps);
        return s.cash.clone();
    }

    /** docs/EXTENDING.md quotes the class as it is compiled here. */
    @Test void theGuideQuotesTheExampleAsCompiled() throws java.io.IOException {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/owsim/market/ResearchGrant.java"));
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "EXTENDING.md"));
        assertThat(guide).contains(source.substring(source.indexOf("final class ResearchGrant")).strip());
    }

    @Test void eachLabGetsTheGrantEveryMonthAndOffRemovesIt() {
        double[] base = endCash(MonthlySteps.ORDER);
        double[] on = endCash(withGrant(true));
        double[] off = endCash(withGrant(false));
        assertThat(off).containsExactly(base);
        for (int i = 0; i < base.length; i++) {
            // Paid after the month's accounting, so nothing else reacts within the year: the effect is the grant alone.
            assertThat(on[i] - base[i]).isCloseTo(GRANT_USD * S.months(), within(1e-6 * GRANT_USD * S.months()));
        }
    }
}
