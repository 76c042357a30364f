package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism {@code placedAssistants}: switched off, or with no placed share (the default world), the
 * run is the one before the mechanism existed, bit for bit, with the series it had; on, a placed lab
 * counts, by hand, its share of the segment's aware people who do not use it first or second, serves
 * them the token share of its free tier's tokens, and is paid nothing for them (no ads here); the
 * labs' own users are the run's without it.
 */
class PlacedAssistantsTest {
    private static final double PLACED = 0.3;
    private static final double TOKEN_SHARE = 0.1;
    private static final String LAB = "frontier-closed";
    private static final String ANCHOR = "    optionUtility: {subscription: -2.5, free: -2.5}";

    /** The default world with a multiHoming block on the consumers that places {@link #LAB}'s assistant with the share given. */
    static Scenario withPlaced(Scenario base, double placed) {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        int at = yaml.indexOf(ANCHOR);
        assertThat(at).as("the consumers' option utilities in the default world").isPositive();
        int end = yaml.indexOf('\n', at) + 1;
        String block = "    multiHoming: {share: 0.35, tokenShare: 0.25, adImpressions: false, placed: {" + LAB + ": " + placed
            + ", no-such-lab: 0.5}, placedTokenShare: " + TOKEN_SHARE + "}\n";
        Scenario s = Scenarios.parse("x.yaml", yaml.substring(0, end) + block + yaml.substring(end));
        return s.withMechanisms(base.mechanisms()).withMonths(base.run().months());
    }

    @Test void offOrWithoutASharesIsTheRunBeforeItBitForBit() {
        String before = RunDigest.of(Fixtures.ENGINE.run(Fixtures.FOUR_LABS));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(Fixtures.FOUR_LABS.with(MechanismSwitch.PLACED_ASSISTANTS, false)))).isEqualTo(before);
        // The multi-homing block with placed shares, with the switch off or the share 0, is the run with the block and no shares.
        Scenario on = withPlaced(Fixtures.FOUR_LABS, PLACED);
        String multiHoming = RunDigest.of(Fixtures.ENGINE.run(MultiHomingTest.withBlock(Fixtures.FOUR_LABS, 0.35, 0.25, false)));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on.with(MechanismSwitch.PLACED_ASSISTANTS, false)))).isEqualTo(multiHoming);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(withPlaced(Fixtures.FOUR_LABS, 0)))).isEqualTo(multiHoming);
        RunResult r = Fixtures.ENGINE.run(on);
        assertThat(RunDigest.of(r)).isNotEqualTo(multiHoming);
        assertThat(r.series(LAB, MetricNames.PLACED_USERS)).isNotNull();
        assertThat(Fixtures.ENGINE.run(on.with(MechanismSwitch.PLACED_ASSISTANTS, false)).series(LAB, MetricNames.PLACED_USERS)).isNull();
    }

    /**
     * Month 0: the placed users are, by hand, the share x (awareness x people - users of the lab's
     * options - its second users) of each consumer segment, over the classes offered its free tier;
     * the tokens they add are the token share of the free tier's tokens per user of each class.
     */
    @Test void placedUsersAreTheShareOfTheAwareWhoDoNotUseIt() {
        Scenario on = withPlaced(Fixtures.FOUR_LABS, PLACED).withMonths(1);
        Fixtures.Stepped at = Fixtures.steppedTo(on, 0);
        Fixtures.stepUntil(at, PlacedAssistants.class);
        World w = at.world();
        MarketState s = at.state();
        int j = w.scenario.labIndex(LAB);
        int free = OptionKind.FREE.ordinal();
        double expected = 0;
        double expectedTokens = 0;
        double tokensBefore = s.tokens[j];
        for (int g = 0; g < w.segments; g++) {
            if (!w.scenario.segments().get(g).id().startsWith("consumers")) continue;
            double holders = s.secondSegUsers[g * w.labs + j];
            for (int k = 0; k < OptionKind.COUNT; k++) holders += s.segUsers[(g * w.labs + j) * OptionKind.COUNT + k];
            double pool = Math.max(0, s.awareness(g, j) * s.population[g] - holders); // none where the lab is not offered
            for (int c = 0; c < w.classes; c++) {
                if (w.userClasses.segment[c] != g) continue;
                for (int o = 1; o < w.options; o++) {
                    if (w.optionTable.lab[o] != j || w.optionTable.kindCode[o] != free || !s.offerAvailable[c * w.options + o]) continue;
                    double n = PLACED * pool * w.userClasses.weight[c];
                    expected += n;
                    expectedTokens += TOKEN_SHARE * n * s.offerTokens[c * w.options + o];
                }
            }
        }
        new PlacedAssistants().apply(w, s);
        assertThat(expected).isPositive();
        assertThat(s.placedUsers[j]).isCloseTo(expected, within(1e-9 * expected));
        assertThat(s.tokens[j] - tokensBefore).isCloseTo(expectedTokens, within(1e-9 * expectedTokens + 1));
        for (int l = 0; l < w.labs; l++) if (l != j) assertThat(s.placedUsers[l]).as("an unplaced lab").isZero();

        RunResult r = Fixtures.ENGINE.run(on);
        RunResult off = Fixtures.ENGINE.run(on.with(MechanismSwitch.PLACED_ASSISTANTS, false));
        double users = r.series(LAB, MetricNames.USERS).values()[0];
        double placed = r.series(LAB, MetricNames.PLACED_USERS).values()[0];
        assertThat(placed).isCloseTo(expected, within(1e-9 * expected));
        assertThat(users).isEqualTo(off.series(LAB, MetricNames.USERS).values()[0]);
        assertThat(r.series(LAB, MetricNames.MONTHLY_USERS).values()[0])
            .isEqualTo(users + r.series(LAB, MetricNames.SECOND_USERS).values()[0] + placed);
        assertThat(r.series(LAB, MetricNames.REVENUE_USD).values()[0]).as("paid nothing, no ads here")
            .isEqualTo(off.series(LAB, MetricNames.REVENUE_USD).values()[0]);
    }
}
