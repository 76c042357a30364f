package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.random.Lognormal;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * A month's user classes copy the usage moments of a class of the same segment and usage bin, and of
 * the month before for a segment whose median did not move (no growth, or at its ceiling): the tables
 * must be those made from scratch, bit for bit, in every month of the landscape (usage growth on, with
 * segments that reach their ceiling and some with no growth). The tables share what does not move
 * with the month and take each distinct cap once from the slice's CDF values: every moment must be
 * the double of {@link Lognormal#partialMean} and {@link Lognormal#partialCappedMean} as called
 * per class and lab.
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
            int labs = s.labs().size();
            for (int c = 0; c < fresh.count; c++) {
                for (int i = 0; i < labs; i++) {
                    assertThat(bits(reused.subTokens(c, i))).as("month %d class %d lab %d", m, c, i).isEqualTo(bits(fresh.subTokens(c, i)));
                    assertThat(bits(reused.freeTokens(c, i))).as("month %d class %d lab %d", m, c, i).isEqualTo(bits(fresh.freeTokens(c, i)));
                    assertThat(bits(reused.proTokens(c, i))).as("month %d class %d lab %d", m, c, i).isEqualTo(bits(fresh.proTokens(c, i)));
                }
            }
            assertThat(reused.usageLo).as("month %d", m).isEqualTo(fresh.usageLo);
            assertThat(reused.usageHi).as("month %d", m).isEqualTo(fresh.usageHi);
            for (int g = 0; g < s.segments().size(); g++) if (previous.median[g] == reused.median[g]) reusedSegments++;
            previous = reused;
        }
        assertThat(reusedSegments).as("segment-months taken from the month before").isPositive();
    }

    @Test
    void everyMomentIsTheClosedFormsDoubleInEveryMonth() {
        Scenario s = Scenarios.defaultScenario();
        int labs = s.labs().size();
        UserClasses u = new UserClasses(s);
        int capped = 0;
        for (int m = 0; m < s.months(); m++) {
            if (m > 0) u = new UserClasses(s, m, u);
            for (int c = 0; c < u.count; c++) {
                int g = u.segment[c];
                double med = u.median[g];
                double sig = s.segments().get(g).usageSigma();
                double pBin = UserClasses.BIN_EDGES[u.bin[c] + 1] - UserClasses.BIN_EDGES[u.bin[c]];
                double tokens = Lognormal.partialMean(med, sig, u.zLo[c], u.zHi[c]) / pBin;
                assertThat(bits(u.tokens[c])).as("month %d class %d", m, c).isEqualTo(bits(tokens));
                assertThat(bits(u.usageLo[c])).isEqualTo(bits(med * Math.exp(sig * u.zLo[c])));
                assertThat(bits(u.usageHi[c])).isEqualTo(bits(med * Math.exp(sig * u.zHi[c])));
                assertThat(bits(u.binProbability[c])).isEqualTo(bits(Lognormal.phi(u.zHi[c]) - Lognormal.phi(u.zLo[c])));
                for (int i = 0; i < labs; i++) {
                    LabSpec l = s.labs().get(i);
                    double sub = l.subscription() == null ? tokens : Lognormal.partialCappedMean(med, sig, u.zLo[c], u.zHi[c], l.subscription().monthlyTokenCap()) / pBin;
                    double free = l.freeTier() == null ? tokens : Lognormal.partialCappedMean(med, sig, u.zLo[c], u.zHi[c], l.freeTier().monthlyTokenCap()) / pBin;
                    double pro = l.pro() == null ? tokens : Lognormal.partialCappedMean(med, sig, u.zLo[c], u.zHi[c], l.pro().monthlyTokenCap()) / pBin;
                    assertThat(bits(u.subTokens(c, i))).as("month %d class %d lab %d", m, c, i).isEqualTo(bits(sub));
                    assertThat(bits(u.freeTokens(c, i))).as("month %d class %d lab %d", m, c, i).isEqualTo(bits(free));
                    assertThat(bits(u.proTokens(c, i))).as("month %d class %d lab %d", m, c, i).isEqualTo(bits(pro));
                    if (sub != tokens) capped++;
                }
            }
        }
        assertThat(capped).as("class-months a cap binds").isPositive();
    }

    @Test
    void aSlicesCappedMeanIsTheClosedFormsDouble() {
        double[] edges = new double[UserClasses.BIN_EDGES.length];
        for (int b = 0; b < edges.length; b++) edges[b] = Lognormal.quantile(UserClasses.BIN_EDGES[b]);
        double[] caps = {0, 1, 5e5, 1e6, 3e6, 2e7, 3e7, 6e8, 1e12};
        int compared = 0;
        for (double med : new double[] {1, 3e4, 1.2e5, 7.77e5, 3e6, 4.4e7, 1e9}) {
            for (double sig : new double[] {0.3, 1.0, 1.5, 1.8, 2.5}) {
                double medianTimesE = med * Math.exp(sig * sig / 2);
                for (int b = 0; b + 1 < edges.length; b++) {
                    double zLo = edges[b];
                    double zHi = edges[b + 1];
                    for (double cap : caps) {
                        double fast = Lognormal.partialCappedMean(med, medianTimesE, sig, zLo, zHi, Lognormal.phi(zLo), Lognormal.phi(zHi),
                            Lognormal.phi(zLo - sig), Lognormal.phi(zHi - sig), cap);
                        double closedForm = Lognormal.partialCappedMean(med, sig, zLo, zHi, cap);
                        assertThat(Double.doubleToRawLongBits(fast)).as("median %s sigma %s bin %d cap %s", med, sig, b, cap)
                            .isEqualTo(Double.doubleToRawLongBits(closedForm));
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(7 * 5 * 7 * 9);
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }
}
