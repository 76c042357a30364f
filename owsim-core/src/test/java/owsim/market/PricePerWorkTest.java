package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code pricePerWork}: without a segment's elasticity, with usage not growing, or switched
 * off, the run is the one before, bit for bit; on, a grown segment weighs what it pays by the token
 * (API, hosted, self-hosted, a plan's shortfall) at its price weight over its usage factor to the
 * power e, and a plan's fee at the full weight.
 */
class PricePerWorkTest {
    private static final String SEGMENT = "developers";

    static Scenario grown(Scenario s, double growth, Double elasticity) {
        Scenario g = UsageGrowthTest.grown(s, growth);
        return elasticity == null ? g : Fixtures.set(g, "segments[" + SEGMENT + "].priceWeightUsageElasticity", elasticity);
    }

    @Test void withoutAnElasticityGrowthOrTheSwitchItIsTheRunBeforeBitForBit() {
        Scenario base = Fixtures.FOUR_LABS.withMonths(12);
        String before = RunDigest.of(Fixtures.ENGINE.run(base));
        Scenario noGrowth = Fixtures.set(base, "segments[" + SEGMENT + "].priceWeightUsageElasticity", 1.0);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(noGrowth))).as("an elasticity without usage growth").isEqualTo(before);
        String grownOnly = RunDigest.of(Fixtures.ENGINE.run(grown(base, 4.0, null)));
        Scenario on = grown(base, 4.0, 1.0);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on.with(MechanismSwitch.PRICE_PER_WORK, false)))).as("switched off").isEqualTo(grownOnly);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on.with(MechanismSwitch.USAGE_GROWTH, false)))).as("usage not growing").isEqualTo(before);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(grown(base, 4.0, 0.0)))).as("elasticity 0").isEqualTo(grownOnly);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on))).isNotEqualTo(grownOnly);
    }

    /**
     * Month 6 of a 4x growth a year (factor 2) at e = 1 and e = 0.5: the per-token weight is beta / 2 and
     * beta / sqrt 2; an API option's utility rises by beta x pay x (1 - 2^-e) over the run without the
     * elasticity (pay is the grown bill), a plan's by beta x shortfall x (1 - 2^-e) only (its fee keeps
     * the full weight), other segments' not at all.
     */
    @Test void aMonthsUtilitiesByHand() {
        for (double e : new double[] {1.0, 0.5}) {
            Scenario on = grown(Fixtures.FOUR_LABS, 4.0, e).withMonths(8);
            Fixtures.Stepped at = Fixtures.steppedTo(on, 6);
            Fixtures.stepUntil(at, Choice.class);
            World w = at.world();
            World ref = Fixtures.world(grown(Fixtures.FOUR_LABS, 4.0, null).withMonths(8));
            MarketState s = at.state();
            double[] lnD = OptionWeights.lnDerivatives(w, s);
            int api = 0;
            int plans = 0;
            for (int c = 0; c < w.classes; c++) {
                var seg = w.scenario.segments().get(w.userClasses.segment[c]);
                boolean grows = seg.id().startsWith(SEGMENT);
                double beta = seg.priceWeightPerUsd();
                double drop = grows ? 1 - Math.pow(2, -e) : 0;
                if (grows) assertThat(OptionWeights.perTokenPriceWeight(w, seg, 6)).isCloseTo(beta * Math.pow(2, -e), within(1e-15 * beta));
                double[] vOn = new double[w.options];
                double[] vRef = new double[w.options];
                OptionWeights.weights(w, s, c, lnD, vOn, new LastValueCache(w.options, Math::exp));
                OptionWeights.weights(ref, s, c, lnD, vRef, new LastValueCache(w.options, Math::exp));
                for (int k = 0; k < s.offeredCount[c]; k++) {
                    int o = s.offered[c * w.options + k];
                    int idx = c * w.options + o;
                    OptionKind kind = w.optionTable.kind[o];
                    double pay = s.offerPay[idx];
                    double shortfall = s.offerShortfallUsd[idx];
                    double expected = switch (kind) {
                        case API, HOSTED, SELFHOST -> beta * drop * (pay + shortfall);
                        default -> beta * drop * shortfall;
                    };
                    double diff = Math.log(vOn[o]) - Math.log(vRef[o]);
                    assertThat(diff).as(seg.id() + " " + kind).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
                    if (grows && kind == OptionKind.API && pay > 0) api++;
                    if (grows && kind == OptionKind.SUBSCRIPTION) {
                        plans++;
                        if (shortfall == 0) assertThat(diff).isEqualTo(0.0);
                    }
                }
            }
            assertThat(api).as("API offers to the grown segment").isPositive();
            assertThat(plans).as("plans offered to the grown segment").isPositive();
        }
    }
}
