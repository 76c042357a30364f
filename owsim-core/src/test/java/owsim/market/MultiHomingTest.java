package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism {@code multiHoming}: switched off, or with no segment carrying a block (the default
 * world), the run is the one before the mechanism existed, bit for bit, and writes no new series;
 * on, the consumers' second assistants are counted in the labs' monthly users by the logit's second
 * choice (a hand calculation from the month's shares), their token share of the offer's tokens is
 * served by the second lab, and with ad impressions their free-tier use earns its ads.
 */
class MultiHomingTest {
    private static final double SHARE = 0.35;
    private static final double TOKEN_SHARE = 0.25;
    private static final String ANCHOR = "    optionUtility: {subscription: -2.5, free: -2.5}";

    /** The default world with a multiHoming block on the consumers. */
    static Scenario withBlock(Scenario base, double share, double tokenShare, boolean ads) {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        int at = yaml.indexOf(ANCHOR);
        assertThat(at).as("the consumers' option utilities in the default world").isPositive();
        int end = yaml.indexOf('\n', at) + 1;
        String block = "    multiHoming: {share: " + share + ", tokenShare: " + tokenShare + ", adImpressions: " + ads + "}\n";
        Scenario s = Scenarios.parse("x.yaml", yaml.substring(0, end) + block + yaml.substring(end));
        return s.withMechanisms(base.mechanisms()).withMonths(base.run().months());
    }

    @Test void offOrWithoutABlockIsTheRunBeforeItBitForBit() {
        // The default world has no block: on and off give the same run; with enterprise off too, the digest pinned before both.
        Scenario noEnterprise = Fixtures.FOUR_LABS.with(MechanismSwitch.ENTERPRISE, false);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(noEnterprise))).isEqualTo(EnterpriseTest.BEFORE_ENTERPRISE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(noEnterprise.with(MechanismSwitch.MULTI_HOMING, false)))).isEqualTo(EnterpriseTest.BEFORE_ENTERPRISE);
        String before = RunDigest.of(Fixtures.ENGINE.run(Fixtures.FOUR_LABS.with(MechanismSwitch.MULTI_HOMING, false)));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(Fixtures.FOUR_LABS))).isEqualTo(before);
        // A block with the switch off, or with a share of 0, changes nothing either.
        Scenario on = withBlock(Fixtures.FOUR_LABS, SHARE, TOKEN_SHARE, true);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on.with(MechanismSwitch.MULTI_HOMING, false)))).isEqualTo(before);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(withBlock(Fixtures.FOUR_LABS, 0, TOKEN_SHARE, true)))).isEqualTo(before);
        RunResult r = Fixtures.ENGINE.run(on);
        assertThat(RunDigest.of(r)).isNotEqualTo(before);
        assertThat(r.series("frontier-closed", MetricNames.MONTHLY_USERS)).isNotNull();
        assertThat(Fixtures.ENGINE.run(Fixtures.FOUR_LABS).series("frontier-closed", MetricNames.MONTHLY_USERS)).isNull();
    }

    /**
     * Month 0 (nothing before it differs): each lab's second users are, by hand, m x the users of
     * every other lab i x the sum over the sets K of other labs they may know (each known with its
     * segment's awareness) of P(K) x w_o / W_K for its options o in K (exactly, over every set: the
     * mechanism integrates); monthly users are the users plus them, the users are the run's without
     * the mechanism, the second lab serves the token share of the offer's tokens and is paid nothing.
     */
    @Test void secondUsersAreTheLogitsSecondChoiceAmongKnownLabs() {
        Scenario on = withBlock(Fixtures.FOUR_LABS, SHARE, TOKEN_SHARE, false).withMonths(1);
        int labs = on.labs().size();
        double[] expected = new double[labs];
        double[] expectedTokens = new double[labs];
        double[] adopters = new double[1];
        // The state just after the mechanism in month 0, which the month's later steps (derivatives, awareness) change.
        Fixtures.Stepped at = Fixtures.steppedTo(on, 0);
        Fixtures.stepUntil(at, Advertising.class);
        {
            World w = at.world();
            MarketState s = at.state();
            double[] lnDerivatives = OptionWeights.lnDerivatives(w, s);
            double[] expV = new double[w.options];
            for (int c = 0; c < w.classes; c++) {
                int g = w.userClasses.segment[c];
                if (!w.scenario.segments().get(g).id().startsWith("consumers")) continue;
                OptionWeights.weights(w, s, c, lnDerivatives, expV, new LastValueCache(w.options, Math::exp));
                double people = s.population[g] * w.userClasses.weight[c];
                double[] holders = new double[labs];
                double[] labWeight = new double[labs];
                for (int o = 1; o < w.options; o++) {
                    int l = w.optionTable.lab[o];
                    holders[l] += people * s.shares[c * w.options + o];
                    if (s.offerAvailable[c * w.options + o]) labWeight[l] += expV[o];
                }
                for (int i = 0; i < labs; i++) {
                    adopters[0] += holders[i];
                    if (holders[i] <= 0) continue;
                    for (int set = 0; set < 1 << labs; set++) {
                        if ((set >>> i & 1) != 0) continue;
                        double p = 1;
                        double sum = 0;
                        for (int l = 0; l < labs; l++) {
                            if (l == i) continue;
                            double a = labWeight[l] > 0 ? s.awareness(g, l) : 0;
                            boolean in = (set >>> l & 1) != 0;
                            p *= in ? a : 1 - a;
                            if (in) sum += labWeight[l];
                        }
                        if (p <= 0 || sum <= 0) continue;
                        for (int o = 1; o < w.options; o++) {
                            int j = w.optionTable.lab[o];
                            if ((set >>> j & 1) == 0 || !s.offerAvailable[c * w.options + o]) continue;
                            double n = SHARE * holders[i] * p * expV[o] / sum;
                            expected[j] += n;
                            if (w.optionTable.kindCode[o] <= OptionTable.API_CODE) expectedTokens[j] += TOKEN_SHARE * n * s.offerTokens[c * w.options + o];
                        }
                    }
                }
            }
        }
        RunResult r = Fixtures.ENGINE.run(on);
        RunResult off = Fixtures.ENGINE.run(on.with(MechanismSwitch.MULTI_HOMING, false));
        double total = 0;
        for (int j = 0; j < labs; j++) {
            String id = on.labs().get(j).id();
            double second = r.series(id, MetricNames.SECOND_USERS).values()[0];
            double users = r.series(id, MetricNames.USERS).values()[0];
            assertThat(second).as("%s's second users", id).isCloseTo(expected[j], within(1e-4 * expected[j] + 1e-6));
            assertThat(r.series(id, MetricNames.MONTHLY_USERS).values()[0]).isEqualTo(users + second);
            assertThat(users).as("%s's users", id).isEqualTo(off.series(id, MetricNames.USERS).values()[0]);
            double tokens = r.series(id, MetricNames.TOKENS).values()[0] - off.series(id, MetricNames.TOKENS).values()[0];
            assertThat(tokens).as("%s's tokens as a second assistant", id).isCloseTo(expectedTokens[j], within(1e-4 * expectedTokens[j] + 1));
            assertThat(r.series(id, MetricNames.REVENUE_USD).values()[0]).as("%s is paid nothing for them", id)
                .isEqualTo(off.series(id, MetricNames.REVENUE_USD).values()[0]);
            total += second;
        }
        // Under the share of the adopters: a user who knows no other lab has no second assistant (most in month 0).
        assertThat(total).isPositive().isLessThan(SHARE * adopters[0]);
    }

    /** With ad impressions, a lab showing ads from month 0 earns on its second users' free-tier use: token share x free user-month each. */
    @Test void adImpressionsEarnTheFreeTiersAds() {
        Scenario ads = withBlock(Fixtures.FOUR_LABS, SHARE, TOKEN_SHARE, true).withMonths(1);
        Scenario noAds = withBlock(Fixtures.FOUR_LABS, SHARE, TOKEN_SHARE, false).withMonths(1);
        String lab = "app-giant";
        double[] expected = new double[1];
        RunResult a = Fixtures.run(ads, (w, s) -> {
            int i = w.scenario.labIndex(lab);
            double usd = w.scenario.advertising().usdPerFreeUserMonth() * w.scenario.advertising().rampShare(0);
            for (int g = 0; g < w.segments; g++) {
                double free = s.segUsers[(g * w.labs + i) * OptionKind.COUNT + OptionKind.FREE.ordinal()];
                double second = s.secondAdUserMonths[g * w.labs + i];
                expected[0] += second * usd * Advertising.willingnessToPay(w, g);
                if (second > 0) assertThat(second).isLessThan(free + second);
            }
        });
        RunResult b = Fixtures.ENGINE.run(noAds);
        double diff = a.series(lab, MetricNames.AD_REVENUE_USD).values()[0] - b.series(lab, MetricNames.AD_REVENUE_USD).values()[0];
        assertThat(expected[0]).isPositive();
        assertThat(diff).isCloseTo(expected[0], within(1e-6 * expected[0]));
    }

    @Test void badBlocksNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        String with = yaml.replace(ANCHOR, ANCHOR + "\n    multiHoming: {share: 1.5, tokenShare: 0.25}");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", with)).isInstanceOf(InputException.class)
            .hasMessageContaining("x.yaml").hasMessageContaining("share");
        String tokens = yaml.replace(ANCHOR, ANCHOR + "\n    multiHoming: {share: 0.3, tokenShare: -1}");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", tokens)).isInstanceOf(InputException.class)
            .hasMessageContaining("x.yaml").hasMessageContaining("tokenShare");
    }
}
