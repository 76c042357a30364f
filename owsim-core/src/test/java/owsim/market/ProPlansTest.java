package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism {@code proPlans}: switched off, or with no lab offering a pro plan, the run is the one
 * before the mechanism existed, bit for bit and without its series; on, the heavy users the base
 * plan's cap holds back take the pro plan (and only they), the lab's subscription draws more of
 * them, and its pro fees are part of its revenue; bad plans name the file, line and field.
 */
class ProPlansTest {
    private static final Scenario ON = Fixtures.FOUR_LABS;
    private static final Scenario OFF = ON.with(MechanismSwitch.PRO_PLANS, false);
    private static final String PRO_LINE = "    pro: {usdPerMonth: 200, monthlyTokenCap: 6.0e8}";
    /** The default world with no lab offering a pro plan (the switch on). */
    private static final Scenario NO_PRO_PLAN = Scenarios.parse("x.yaml", withoutProLine(owsim.scenario.TestWorlds.fourLabsYaml()));
    /**
     * Every series of the default world's 60 months as made by the code before the mechanism existed (main at
     * 0fa9b57: its owsim run's timeseries.csv and summary.json are byte for byte this code's with the switch off).
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_PRO_PLANS = "5dd468d1b8d4b9dc95b45469ba0a13f7ed9efc2e9182cd3d4afd575d44bc58d7";
    /**
     * Re-pinned when enterprise was added (the default world's major players have an enterprise block): {@link #BEFORE_PRO_PLANS} is the
     * run above with it; with enterprise off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_PRO_PLANS_WITHOUT_ENTERPRISE = "53cc87133515bb94ab1b062609b5a281b79151743e44449d1741379046a5c45d";

    private static String withoutProLine(String yaml) {
        int at = yaml.indexOf(PRO_LINE);
        assertThat(at).as("the default's pro plan").isPositive();
        return yaml.substring(0, at) + yaml.substring(yaml.indexOf('\n', at) + 1);
    }

    @Test void offIsTheRunBeforeItBitForBit() {
        RunResult off = Fixtures.ENGINE.run(OFF);
        assertThat(RunDigest.of(off)).isEqualTo(BEFORE_PRO_PLANS);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_PRO_PLANS_WITHOUT_ENTERPRISE);
        assertThat(off.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS)).isNull();
        assertThat(off.series("frontier-closed", MetricNames.PRO_REVENUE_USD)).isNull();
        RunResult none = Fixtures.ENGINE.run(NO_PRO_PLAN);
        assertThat(RunDigest.of(none)).isEqualTo(BEFORE_PRO_PLANS);
        assertThat(none.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS)).isNull();
        RunResult on = Fixtures.ENGINE.run(ON);
        assertThat(on.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS)).isNotNull();
        assertThat(RunDigest.of(on)).isNotEqualTo(BEFORE_PRO_PLANS);
    }

    /**
     * In the default world the pro plan goes to the developers in the top usage bins (mean usage far
     * above the $20 plan's 30M-token cap), never to a class whose mean usage is within that cap, and
     * only the lab that offers one has pro subscribers. Switched on, the heaviest developers' class
     * subscribes more to the frontier lab's plan than without it (its shortfall fell by more than the
     * fee rose), and the lab serves its subscribers more tokens.
     */
    @Test void heavyUsersMoveToTheProPlanAndOnlyThey() {
        int frontier = ON.labIndex("frontier-closed");
        double[] proClasses = {0};
        double[] heaviestShare = new double[2];
        double[] heaviestTokens = new double[2];
        for (int run = 0; run < 2; run++) {
            final int r = run;
            Fixtures.run((r == 0 ? ON : OFF).withMonths(1), (w, st) -> {
                double baseCap = w.labTable.planCapTokens[frontier];
                int heaviest = -1;
                int developers = w.scenario.segmentIndex("developers.west"); // the world's segments are split into regions
                for (int c = 0; c < w.classes; c++) {
                    boolean pro = st.offerPro[c * w.labs + frontier];
                    if (r == 1) assertThat(pro).isFalse();
                    if (pro) {
                        proClasses[0]++;
                        assertThat(w.userClasses.tokens[c]).as("mean usage of a class on the pro plan").isGreaterThan(baseCap);
                    }
                    if (w.userClasses.tokens[c] <= baseCap) assertThat(pro).as("a class within the base cap").isFalse();
                    for (int i = 0; i < w.labs; i++) if (i != frontier) assertThat(st.offerPro[c * w.labs + i]).isFalse();
                    if (w.userClasses.segment[c] == developers && (heaviest < 0 || w.userClasses.tokens[c] > w.userClasses.tokens[heaviest])) heaviest = c;
                }
                assertThat(heaviest).isNotNegative();
                int sub = w.optionTable.base(frontier) + OptionTable.SUB;
                heaviestShare[r] = st.shares[heaviest * w.options + sub];
                heaviestTokens[r] = st.offerTokens[heaviest * w.options + sub];
                if (r == 0) {
                    assertThat(st.offerPro[heaviest * w.labs + frontier]).as("the heaviest developers take the pro plan").isTrue();
                    assertThat(st.offerPay[heaviest * w.options + sub]).isEqualTo(200.0);
                }
            });
        }
        assertThat(proClasses[0]).isPositive();
        assertThat(heaviestShare[0]).isGreaterThan(heaviestShare[1]);
        assertThat(heaviestTokens[0]).isGreaterThan(heaviestTokens[1] * 2);
        RunResult on = Fixtures.ENGINE.run(ON.withMonths(12));
        double[] pro = on.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS).values();
        double[] subscribers = on.series("frontier-closed", MetricNames.users(owsim.scenario.OptionKind.SUBSCRIPTION)).values();
        for (int m = 0; m < pro.length; m++) assertThat(pro[m]).isPositive().isLessThan(subscribers[m]);
        assertThat(on.series("small-open", MetricNames.PRO_SUBSCRIBERS).values()).containsOnly(0.0);
        double[] fees = on.series("frontier-closed", MetricNames.PRO_REVENUE_USD).values();
        for (int m = 0; m < pro.length; m++) assertThat(fees[m]).isCloseTo(200 * pro[m], org.assertj.core.api.Assertions.within(1e-9 * fees[m]));
    }

    /** Without caps a plan serves every token, so nobody pays $200 for what $20 buys: no pro subscriber. */
    @Test void withoutCapsNobodyTakesTheProPlan() {
        RunResult r = Fixtures.ENGINE.run(ON.with(MechanismSwitch.SUBSCRIPTION_CAPS, false).withMonths(6));
        assertThat(r.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS).values()).containsOnly(0.0);
    }

    @Test void identitiesHoldEveryMonth() {
        assertThat(AccountingTest.checkEveryMonth(ON.withMonths(24))).isEqualTo(24);
    }

    @Test void badPlansNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace(PRO_LINE, "    pro: {usdPerMonth: 10, monthlyTokenCap: 6.0e8}")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("pro").hasMessageContaining("usdPerMonth");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace(PRO_LINE, "    pro: {usdPerMonth: 200, monthlyTokenCap: 1.0e7}")))
            .isInstanceOf(InputException.class).hasMessageContaining("pro").hasMessageContaining("monthlyTokenCap");
    }
}
