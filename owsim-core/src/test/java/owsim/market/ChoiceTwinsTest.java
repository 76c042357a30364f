package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import owsim.catalog.Catalog;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.serving.ServingEngine;
import org.junit.jupiter.api.Test;

/**
 * A class with the segment, offers and shares of the class chosen just before it takes that
 * class's choice instead of solving again: every month's shares and consumer surplus must be
 * those of solving every class, bit for bit.
 */
class ChoiceTwinsTest {
    @Test
    void takingTheClassBeforesChoiceChangesNoShareOfTheFourLabWorld() {
        int taken = sameAsSolvingEveryClass(owsim.scenario.TestWorlds.fourLabs());
        // About one class-month in eight of the four-lab world (252 classes, 60 months) has a twin.
        assertThat(taken).isGreaterThan(252 * 60 / 10);
    }

    @Test
    void takingTheClassBeforesChoiceChangesNoShareOfTheDefaultLandscape() {
        int taken = sameAsSolvingEveryClass(Scenarios.defaultScenario());
        assertThat(taken).isPositive();
    }

    private static int sameAsSolvingEveryClass(Scenario sc) {
        Catalog catalog = Catalog.bundled();
        World w = new World(sc, catalog, new ServingPrices(new ServingEngine(), sc.technology().inputTokenShare()), null);
        MarketState twins = Runs.start(w);
        MarketState solved = Runs.start(w);
        twins.classChoice = new Choice.ClassChoice(w, twins, KnownLabsLogit.EXACT_MAX_LABS);
        solved.classChoice = new Choice.ClassChoice(w, solved, KnownLabsLogit.EXACT_MAX_LABS);
        solved.classChoice.takeTwins = false;
        for (int m = 0; m < sc.months(); m++) {
            Runs.step(w, twins, m, MonthlySteps.ORDER);
            Runs.step(w, solved, m, MonthlySteps.ORDER);
            assertThat(twins.shares).as("month %d shares", m).isEqualTo(solved.shares);
            assertThat(Double.doubleToRawLongBits(twins.consumerSurplusUsd)).as("month %d surplus", m)
                .isEqualTo(Double.doubleToRawLongBits(solved.consumerSurplusUsd));
        }
        assertThat(solved.classChoice.twinsTaken).isZero();
        return twins.classChoice.twinsTaken;
    }
}
