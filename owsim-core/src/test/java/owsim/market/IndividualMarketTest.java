package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.random.Lognormal;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Mechanisms;
import owsim.scenario.OptionKind;

class IndividualMarketTest {
    @Test
    void aUsersClassIsTheWorldsClassOfItsUsageBinAndHardware() {
        World w = Fixtures.world(Fixtures.FOUR_LABS);
        IndividualMarket m = new IndividualMarket(w, Runs.start(w));
        for (int c = 0; c < w.classes; c++) {
            int g = w.userClasses.segment[c];
            // A usage in the middle of the class's bin, on the class's hardware entry.
            double mid = (UserClasses.BIN_EDGES[w.userClasses.bin[c]] + UserClasses.BIN_EDGES[w.userClasses.bin[c] + 1]) / 2;
            assertThat(m.classOf(g, mid, w.userClasses.hardware[c])).isEqualTo(c);
            double tokens = w.scenario.segments().get(g).medianTokensPerMonth()
                * Math.exp(w.scenario.segments().get(g).usageSigma() * Lognormal.quantile(mid));
            assertThat(m.usageQuantile(g, tokens)).isCloseTo(mid, org.assertj.core.api.Assertions.within(1e-6));
        }
        double[] shares = m.hardwareShares(0);
        double sum = 0;
        for (double s : shares) sum += s;
        assertThat(sum).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void copiesOfOpenModelsSpreadTheWordOnlyWithHobbyistAdoptionAndPlansCapUsage() {
        World on = Fixtures.world(Fixtures.FOUR_LABS);
        Mechanisms noCopies = Mechanisms.allOn().with(MechanismSwitch.HOBBYIST_ADOPTION, false);
        World off = Fixtures.world(Fixtures.FOUR_LABS.withMechanisms(noCopies));
        IndividualMarket a = new IndividualMarket(on, Runs.start(on));
        IndividualMarket b = new IndividualMarket(off, Runs.start(off));
        for (int o = 0; o < a.userOptions; o++) {
            OptionKind k = on.optionTable.kind[o + 1];
            boolean copy = k == OptionKind.HOSTED || k == OptionKind.SELFHOST;
            assertThat(a.optionSpreadsWord[o]).isTrue();
            assertThat(b.optionSpreadsWord[o]).isEqualTo(!copy);
            var lab = on.scenario.labs().get(on.optionTable.lab[o + 1]);
            if (k == OptionKind.FREE && lab.freeTier() != null) assertThat(a.optionTokenCap[o]).isEqualTo(lab.freeTier().monthlyTokenCap());
            else if (k == OptionKind.SUBSCRIPTION && lab.subscription() != null) assertThat(a.optionTokenCap[o]).isEqualTo(lab.subscription().monthlyTokenCap());
            else assertThat(a.optionTokenCap[o]).isInfinite();
        }
    }

    /** A pattern's denominator computed for one user is the tabled double, so worlds of more labs (no table) draw as the table would. */
    @Test
    void aPatternsDenominatorIsTheTabledDouble() {
        World w = Fixtures.world(Fixtures.FOUR_LABS);
        IndividualMarket m = new IndividualMarket(w, Runs.start(w));
        m.beforeUsers(0);
        assertThat(m.denominator).isNotNull();
        for (int c = 0; c < m.classes; c++) {
            for (int pattern = 0; pattern < 1 << m.labs; pattern++) {
                assertThat(m.denominator(c, pattern)).isEqualTo(m.denominator[(c << m.labs) | pattern]);
            }
        }
    }
}
