package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.SegmentSpec;

/**
 * Mechanism {@code usageGrowth}: switched off, or with no segment's growth (the default world), the
 * run is the one before the mechanism existed, bit for bit; on, a segment's usage moments in month m
 * are month 0's with the median times {@code g^(m/12)}: uncapped tokens scale by the factor, capped
 * ones by less, and a month's API offer carries them.
 */
class UsageGrowthTest {
    private static final String SEGMENT = "developers";
    private static final double GROWTH = 4.0;

    static Scenario grown(Scenario s, double growth) {
        return Fixtures.set(s, "segments[" + SEGMENT + "].usageGrowthPerYear", growth);
    }

    @Test void offOrWithoutAGrowthIsTheRunBeforeItBitForBit() {
        String before = RunDigest.of(Fixtures.ENGINE.run(Fixtures.FOUR_LABS));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(Fixtures.FOUR_LABS.with(MechanismSwitch.USAGE_GROWTH, false)))).isEqualTo(before);
        Scenario on = grown(Fixtures.FOUR_LABS, GROWTH);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on.with(MechanismSwitch.USAGE_GROWTH, false)))).isEqualTo(before);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on))).isNotEqualTo(before);
        World off = Fixtures.world(on.with(MechanismSwitch.USAGE_GROWTH, false));
        assertThat(off.usageGrows()).isFalse();
        assertThat(off.usage(7)).isSameAs(off.userClasses);
    }

    /** The factor: g^(m/12) from month 0, held at the ceiling; 1 without a growth. */
    @Test void theFactorCompoundsMonthlyUpToTheCeiling() {
        SegmentSpec seg = Fixtures.FOUR_LABS.segments().get(Fixtures.FOUR_LABS.segmentIndex(SEGMENT));
        assertThat(seg.usageFactor(30)).isEqualTo(1.0);
        SegmentSpec g = grown(Fixtures.FOUR_LABS, GROWTH).segments().get(Fixtures.FOUR_LABS.segmentIndex(SEGMENT));
        assertThat(g.usageFactor(0)).isEqualTo(1.0);
        assertThat(g.usageFactor(6)).isCloseTo(2.0, within(1e-12));
        assertThat(g.usageFactor(18)).isCloseTo(8.0, within(1e-12));
        SegmentSpec capped = Fixtures.set(grown(Fixtures.FOUR_LABS, GROWTH), "segments[" + SEGMENT + "].usageGrowthCeiling", 5.0)
            .segments().get(Fixtures.FOUR_LABS.segmentIndex(SEGMENT));
        assertThat(capped.usageFactor(6)).isCloseTo(2.0, within(1e-12));
        assertThat(capped.usageFactor(18)).isEqualTo(5.0);
    }

    /**
     * Month 6 with g = 4: the grown segment's classes want 4^(6/12) = 2 times month 0's mean tokens;
     * capped plan tokens grow by at most that and stay within the cap's mean; other segments are
     * unchanged, bit for bit. The month's API offers to the grown classes carry the doubled tokens
     * and pay.
     */
    @Test void aMonthsTokensScaleByTheFactor() {
        Scenario on = grown(Fixtures.FOUR_LABS, GROWTH).withMonths(8);
        World w = Fixtures.world(on);
        assertThat(w.usageGrows()).isTrue();
        UserClasses m0 = w.usage(0);
        UserClasses m6 = w.usage(6);
        int grownClasses = 0;
        for (int c = 0; c < w.classes; c++) {
            boolean grows = w.scenario.segments().get(m0.segment[c]).id().startsWith(SEGMENT);
            if (!grows) {
                assertThat(m6.tokens[c]).isEqualTo(m0.tokens[c]);
                continue;
            }
            grownClasses++;
            assertThat(m6.tokens[c]).isCloseTo(2 * m0.tokens[c], within(1e-12 * m0.tokens[c]));
            assertThat(m6.usageHi[c]).isCloseTo(2 * m0.usageHi[c], within(1e-9 * m0.usageHi[c] + 1e-300));
            for (int i = 0; i < w.labs; i++) {
                assertThat(m6.subTokens(c, i)).isGreaterThanOrEqualTo(m0.subTokens(c, i)).isLessThanOrEqualTo(2 * m0.subTokens(c, i) * (1 + 1e-12));
            }
        }
        assertThat(grownClasses).isPositive();
        Fixtures.Stepped at = Fixtures.steppedTo(on, 6);
        Fixtures.stepUntil(at, Usage.class);
        MarketState s = at.state();
        int checked = 0;
        for (int c = 0; c < w.classes; c++) {
            if (!w.scenario.segments().get(m0.segment[c]).id().startsWith(SEGMENT)) continue;
            for (int o = 1; o < w.options; o++) {
                int idx = c * at.world().options + o;
                if (at.world().optionTable.kind[o] != OptionKind.API || !s.offerAvailable[idx]) continue;
                int i = at.world().optionTable.lab[o];
                assertThat(s.offerTokens[idx]).isCloseTo(2 * m0.tokens[c], within(1e-12 * m0.tokens[c]));
                assertThat(s.offerPay[idx]).isCloseTo(2 * m0.tokens[c] * s.apiUsdPerToken[i], within(1e-9 * s.offerPay[idx]));
                checked++;
            }
        }
        assertThat(checked).as("API offers to the grown segment in month 6").isPositive();
    }
}
