package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.PlanPricingSpec;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism planPricing: switched off, or the section left out, or every lab on a schedule of factor 1,
 * the run is the one before it existed, bit for bit; a fixed schedule is followed and is what the
 * subscribers pay and are capped at; the rule is the documented arithmetic, worked by hand; every
 * decision of the four-lab world is the rule worked again on the plan's fees and serving cost over
 * the quarter, which are the quarter's booked sums.
 */
class PlanPricingTest {
    /** The rule of the demonstration (scenarios/plan-pricing.yaml): band 0.5-4, caps 1.5x a step within 0.5-4x, fees 1.25x a step on $5 points. */
    static final PlanPricingSpec RULE = new PlanPricingSpec(0.5, 4.0, 1.5, 0.5, 4.0, 1.25, 5.0, null, Map.of());
    private static final Scenario OFF = Fixtures.FOUR_LABS;
    private static final Scenario ON = OFF.withPlanPricing(RULE);

    @Test void offIsTheRunBeforeItBitForBit() {
        assertThat(OFF.planPricing()).isNull();
        RunResult before = Fixtures.ENGINE.run(OFF);
        // The four-lab world's run as made by the code before plan pricing (WageBidsTest's pin of it).
        assertThat(RunDigest.of(before)).isEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        assertThat(before.series("frontier-closed", MetricNames.SUBSCRIPTION_USD_PER_MONTH)).isNull();
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON.with(MechanismSwitch.PLAN_PRICING, false)))).isEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        // Every lab on a schedule of factor 1: the same run (the plan series aside, which RunDigest leaves out).
        Map<String, PlanPricingSpec.Schedule> same = new LinkedHashMap<>();
        for (LabSpec l : ON.labs()) same.put(l.id(), new PlanPricingSpec.Schedule(List.of(1.0), List.of(1.0)));
        RunResult fixed = Fixtures.ENGINE.run(ON.withPlanPricing(RULE.withFixedSchedules(same)));
        assertThat(RunDigest.of(fixed)).isEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        assertThat(fixed.series("frontier-closed", MetricNames.SUBSCRIPTION_USD_PER_MONTH).values()[59]).isEqualTo(20.0);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON))).isNotEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        // The default world (no section): the switch off is the run without the section, and the section on moves it.
        Scenario land = Scenarios.defaultScenario();
        assertThat(land.planPricing()).isNull();
        String without = RunDigest.of(Fixtures.ENGINE.run(land));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(land.withPlanPricing(RULE).with(MechanismSwitch.PLAN_PRICING, false)))).isEqualTo(without);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(land.withPlanPricing(RULE)))).isNotEqualTo(without);
    }

    /**
     * The frontier lab on a schedule (fee 1x then 1.5x, cap 1x then 0.5x): its plans are the scenario's for months
     * 0-2 and $30 / 15M tokens, $300 / 300M tokens from month 3; its pro subscribers pay the pro fee.
     */
    @Test void aFixedScheduleIsFollowed() {
        Scenario sc = ON.withMonths(6).withPlanPricing(RULE.withFixedSchedules(
            Map.of("frontier-closed", new PlanPricingSpec.Schedule(List.of(1.0, 1.5), List.of(1.0, 0.5)))));
        RunResult r = Fixtures.ENGINE.run(sc);
        double[] fee = r.series("frontier-closed", MetricNames.SUBSCRIPTION_USD_PER_MONTH).values();
        double[] cap = r.series("frontier-closed", MetricNames.SUBSCRIPTION_TOKEN_CAP).values();
        double[] proFee = r.series("frontier-closed", MetricNames.PRO_USD_PER_MONTH).values();
        double[] proCap = r.series("frontier-closed", MetricNames.PRO_TOKEN_CAP).values();
        double[] proSubs = r.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS).values();
        double[] proRevenue = r.series("frontier-closed", MetricNames.PRO_REVENUE_USD).values();
        for (int m = 0; m < 6; m++) {
            boolean late = m >= 3;
            assertThat(fee[m]).as("month %d", m).isEqualTo(late ? 30.0 : 20.0);
            assertThat(cap[m]).as("month %d", m).isEqualTo(late ? 1.5e7 : 3.0e7);
            assertThat(proFee[m]).as("month %d", m).isEqualTo(late ? 300.0 : 200.0);
            assertThat(proCap[m]).as("month %d", m).isEqualTo(late ? 3.0e8 : 6.0e8);
            assertThat(proSubs[m]).as("month %d", m).isPositive();
            assertThat(proRevenue[m] / proSubs[m]).as("month %d", m).isCloseTo(proFee[m], within(1e-9 * proFee[m]));
        }
        // The lab without a schedule decides by the rule; the small open lab's plan is its own.
        assertThat(r.series("small-open", MetricNames.SUBSCRIPTION_USD_PER_MONTH).values()[0]).isEqualTo(15.0);
    }

    /** The rule on numbers worked by hand (band 0.5-4: fees/serving 1.5-5; cap steps 1.5x within 0.5-4x the list cap; fee steps 1.25x on $5). */
    @Test void theRuleIsTheDocumentedArithmetic() {
        // Fees 1.2x the cost (below 1.5): the cap falls by the step, 30M -> 20M (its aim, 30M x 1.2 / 1.5 = 24M, is above it: 24M).
        assertThat(PlanPricing.decide(RULE, 20, 3e7, 20, 3e7, 120, 100)).containsExactly(20, 2.4e7);
        // Fees 0.5x the cost: the aim 10M is below a step; the step: 20M.
        assertThat(PlanPricing.decide(RULE, 20, 3e7, 20, 3e7, 50, 100)).containsExactly(20, 2e7);
        // Near the floor: 16M / 1.5 = 10.7M is below the floor 15M: 15M.
        assertThat(PlanPricing.decide(RULE, 20, 1.6e7, 20, 3e7, 50, 100)).containsExactly(20, 1.5e7);
        // At the floor: the fee rises toward 20 x 1.5 / 0.5 = 60, at most 25, on $5: $25.
        assertThat(PlanPricing.decide(RULE, 20, 1.5e7, 20, 3e7, 50, 100)).containsExactly(25, 1.5e7);
        // At the floor, fees 1.4x: the aim 20 x 1.5 / 1.4 = 21.43 rounds up to $25, within the step.
        assertThat(PlanPricing.decide(RULE, 20, 1.5e7, 20, 3e7, 140, 100)).containsExactly(25, 1.5e7);
        // A $23 fee at the floor, far below: the step 28.75 is the aim; $30 would pass it: $25.
        assertThat(PlanPricing.decide(RULE, 23, 1.5e7, 20, 3e7, 50, 100)).containsExactly(25, 1.5e7);
        // Within the band (fees 3x): nothing moves.
        assertThat(PlanPricing.decide(RULE, 20, 3e7, 20, 3e7, 300, 100)).containsExactly(20, 3e7);
        // Fees 6x (above 5): the cap rises toward 30M x 6 / 5 = 36M, within the step.
        assertThat(PlanPricing.decide(RULE, 20, 3e7, 20, 3e7, 600, 100)).containsExactly(20, 3.6e7);
        // Fees 20x: the step, 45M.
        assertThat(PlanPricing.decide(RULE, 20, 3e7, 20, 3e7, 2000, 100)).containsExactly(20, 4.5e7);
        // Near the ceiling 120M: 100M x 1.5 is held at 120M.
        assertThat(PlanPricing.decide(RULE, 20, 1e8, 20, 3e7, 2000, 100)).containsExactly(20, 1.2e8);
        // At the ceiling with the list fee: the fee stays (sticky).
        assertThat(PlanPricing.decide(RULE, 20, 1.2e8, 20, 3e7, 2000, 100)).containsExactly(20, 1.2e8);
        // At the ceiling with a raised fee $40: it falls toward 40 x 5 / 20 = 10, at most to 32, on $5 above: $35.
        assertThat(PlanPricing.decide(RULE, 40, 1.2e8, 20, 3e7, 2000, 100)).containsExactly(35, 1.2e8);
        // A raised $25 falling: 20 after the step is the list fee: $20, never below.
        assertThat(PlanPricing.decide(RULE, 25, 1.2e8, 20, 3e7, 2000, 100)).containsExactly(20, 1.2e8);
        // Nobody took the plan (no fees, no cost): as far above the band as can be, the cap rises by the step, 45M;
        assertThat(PlanPricing.decide(RULE, 20, 3e7, 20, 3e7, 0, 0)).containsExactly(20, 4.5e7);
        // and at its ceiling a raised $525 falls by the step, 420.
        assertThat(PlanPricing.decide(RULE, 525, 1.2e8, 200, 3e7, 0, 0)).containsExactly(420, 1.2e8);
        // A free plan (fee 0) is not this rule's: nothing moves.
        assertThat(PlanPricing.decide(RULE, 0, 3e7, 0, 3e7, 0, 0)).containsExactly(0, 3e7);
    }

    @Test void badValuesNameTheFieldAndRange() {
        assertThatThrownBy(() -> new PlanPricingSpec(0.5, 0.4, 1.5, 0.5, 4, 1.25, 5, null, Map.of()))
            .hasMessageContaining("maxMarginToCost: must be at least minMarginToCost (0.5)");
        assertThatThrownBy(() -> new PlanPricingSpec(0.5, 4, 1.5, 0, 4, 1.25, 5, null, Map.of())).hasMessageContaining("minCapShare");
        assertThatThrownBy(() -> new PlanPricingSpec.Schedule(List.of(), List.of(1.0))).hasMessageContaining("priceFactor");
        assertThatThrownBy(() -> ON.withPlanPricing(RULE.withFixedSchedules(Map.of("nobody", new PlanPricingSpec.Schedule(List.of(1.0), List.of(1.0))))))
            .hasMessageContaining("planPricing.fixedSchedules: unknown lab 'nobody'");
    }

    /** The demonstration's section as written, with a lab list and a schedule added; bad values name the file, line and field. */
    @Test void theSectionReadsFromYamlAndNamesItsErrors() throws java.io.IOException {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("..", "scenarios", "plan-pricing.yaml"));
        Scenario demo = Scenarios.parse("x.yaml", yaml);
        assertThat(demo.planPricing()).isEqualTo(RULE);
        String last = "  pricePointUsd: 5.0 ";
        assertThat(yaml).contains(last);
        String more = yaml.replace(last, "  labs: [frontier-closed, second-closed]\n  fixedSchedules:\n    us-giant: {priceFactor: [1.0, 1.2], capFactor: [2.0]}\n" + last);
        Scenario listed = Scenarios.parse("x.yaml", more);
        assertThat(listed.planPricing().labs()).containsExactly("frontier-closed", "second-closed");
        assertThat(listed.planPricing().schedule("us-giant")).isEqualTo(new PlanPricingSpec.Schedule(List.of(1.0, 1.2), List.of(2.0)));
        assertThat(listed.planPricing().decides("frontier-closed")).isTrue();
        assertThat(listed.planPricing().decides("us-giant")).isFalse();
        assertThat(listed.planPricing().decides("us-open")).isFalse();
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("  minCapShare: 0.5 ", "  minCapShare: 2 ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("planPricing.minCapShare");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("  maxCapShare: 4.0 ", "  maxCapShar: 4.0 ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("maxCapShare");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", more.replace("[frontier-closed, second-closed]", "[frontier-closd]")))
            .isInstanceOf(InputException.class).hasMessageContaining("planPricing.labs").hasMessageContaining("frontier-closd");
    }

    /**
     * Every decision of the four-lab world with the rule: the new fee and cap of each plan are {@link PlanPricing#decide}
     * on the plan's fees and serving cost since the last decision, and the pro plan's fees are the sum of the lab's
     * {@code proRevenueUsd} over those months. Some plan moves.
     */
    /** What a plan decision reads of the state: each lab's fees and caps, its plans' period sums, [2 * lab + plan], and whether it has exited. */
    record Plans(double[] fee, double[] cap, double[] proFee, double[] proCap, double[] revenue, double[] serving, boolean[] exited) {
        static Plans of(MarketState s) {
            return new Plans(s.planFeeUsd.clone(), s.planCapTokens.clone(), s.proFeeUsd.clone(), s.proCapTokens.clone(),
                s.planPeriodRevenue.clone(), s.planPeriodServing.clone(), s.exited.clone());
        }
    }

    /**
     * Asserts that lab i's plans after decision month m (state s) are {@link PlanPricing#decide} worked again on what the lab
     * saw ({@code before}), for a lab that decides by the rule (a plan, a model, not exited, not on a schedule); returns
     * whether a plan moved, null for a lab that does not decide.
     */
    static Boolean assertDecided(PlanPricingSpec rule, World w, MarketState s, Plans before, int i, int m) {
        String id = w.scenario.labs().get(i).id();
        if (w.scenario.labs().get(i).subscription() == null || before.exited[i] || s.frontier(i) == null) return null;
        if (rule.schedule(id) != null || !rule.decides(id)) return null;
        double[] base = PlanPricing.decide(rule, before.fee[i], before.cap[i], w.labTable.planFeeUsd[i], w.labTable.planCapTokens[i],
            before.revenue[2 * i], before.serving[2 * i]);
        assertThat(new double[] {s.planFeeUsd[i], s.planCapTokens[i]}).as("%s month %d", id, m).containsExactly(base);
        if (w.labTable.proOffered[i]) {
            double[] pro = PlanPricing.decide(rule, before.proFee[i], before.proCap[i], w.labTable.proFeeUsd[i], w.labTable.proCapTokens[i],
                before.revenue[2 * i + 1], before.serving[2 * i + 1]);
            assertThat(new double[] {s.proFeeUsd[i], s.proCapTokens[i]}).as("%s month %d pro", id, m).containsExactly(pro);
        }
        return s.planFeeUsd[i] != before.fee[i] || s.planCapTokens[i] != before.cap[i] || s.proFeeUsd[i] != before.proFee[i]
            || s.proCapTokens[i] != before.proCap[i];
    }

    @Test void everyDecisionIsTheRuleWorkedAgain() {
        World w = Fixtures.world(ON);
        MarketState s = Runs.start(w);
        double[] proSince = new double[w.labs];
        int[] moves = {0};
        int[] checked = {0};
        Fixtures.stepDeciding(w, s, PlanPricing.class, (m, decide) -> {
            Plans before = Plans.of(s);
            decide.run();
            for (int i = 0; i < w.labs; i++) {
                if (ON.labs().get(i).subscription() == null) continue;
                if (s.exited[i] || s.frontier(i) == null) continue;
                assertThat(before.revenue[2 * i + 1]).as("lab %d month %d pro fees", i, m).isCloseTo(proSince[i], within(1e-6 * Math.max(1, proSince[i])));
                proSince[i] = 0;
                if (Boolean.TRUE.equals(assertDecided(RULE, w, s, before, i, m))) moves[0]++;
                checked[0]++;
                for (int k = 2 * i; k < 2 * i + 2; k++) assertThat(s.planPeriodRevenue[k]).isZero();
            }
        }, month -> {
            for (int i = 0; i < w.labs; i++) proSince[i] += s.proRevenue[i];
        });
        assertThat(checked[0]).isGreaterThan(20);
        assertThat(moves[0]).isPositive();
    }
}
