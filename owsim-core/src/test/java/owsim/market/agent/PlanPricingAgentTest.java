package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.SameRuns;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.PlanPricingSpec;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code planPricing} in the agent engine, which applies the same plan step before its users and caps each
 * subscriber at its plan's cap this month: with the section left out, the switch off or every lab on a schedule of
 * factor 1 the agent run is the one before the mechanism, bit for bit; a fixed schedule is what the pro subscribers pay;
 * with the rule on, 1 and 2 threads give the same bytes; the objective left out is the margin band, bit for bit, and the
 * profit objective (the aggregate prediction, read from the agent run's state) gives the same bytes at 1 and 2 threads.
 */
class PlanPricingAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    /** The four-lab world's first 12 months in the agent engine (50,000 users, seed 1's draws), as made before the mechanism (WageBidsAgentTest's pin). */
    private static final String BEFORE_PLAN_PRICING = "de4c8586ea243869039dc88b0592cc06ba48ea0cfaa710bdc7402050f6f6c4f0";
    private static final PlanPricingSpec RULE = new PlanPricingSpec(0.5, 4.0, 1.5, 0.5, 4.0, 1.25, 5.0, null, Map.of());
    private static final Scenario OFF = owsim.scenario.TestWorlds.fourLabs().withMonths(12);

    private static RunResult run(Scenario s, int threads) { return new AgentEngine(CATALOG).run(s, new AgentOptions(50_000, threads, null, null)); }

    @Test void offIsTheAgentRunBeforeItBitForBit() {
        assertThat(OFF.planPricing()).isNull();
        assertThat(RunDigest.of(run(OFF, 2))).isEqualTo(BEFORE_PLAN_PRICING);
        assertThat(RunDigest.of(run(OFF.withPlanPricing(RULE).with(MechanismSwitch.PLAN_PRICING, false), 2))).isEqualTo(BEFORE_PLAN_PRICING);
        Map<String, PlanPricingSpec.Schedule> same = new LinkedHashMap<>();
        for (LabSpec l : OFF.labs()) same.put(l.id(), new PlanPricingSpec.Schedule(List.of(1.0), List.of(1.0)));
        assertThat(RunDigest.of(run(OFF.withPlanPricing(RULE.withFixedSchedules(same)), 2))).isEqualTo(BEFORE_PLAN_PRICING);
    }

    /** The frontier lab's fees 1x then 1.5x from month 3, caps 1x then 0.5x: its pro subscribers pay $200, then $300. */
    @Test void aFixedScheduleIsWhatSubscribersPay() {
        Scenario sc = OFF.withMonths(6).withPlanPricing(RULE.withFixedSchedules(
            Map.of("frontier-closed", new PlanPricingSpec.Schedule(List.of(1.0, 1.5), List.of(1.0, 0.5)))));
        RunResult r = run(sc, 2);
        double[] fee = r.series("frontier-closed", MetricNames.PRO_USD_PER_MONTH).values();
        double[] cap = r.series("frontier-closed", MetricNames.SUBSCRIPTION_TOKEN_CAP).values();
        double[] subs = r.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS).values();
        double[] revenue = r.series("frontier-closed", MetricNames.PRO_REVENUE_USD).values();
        for (int m = 0; m < 6; m++) {
            assertThat(fee[m]).as("month %d", m).isEqualTo(m < 3 ? 200.0 : 300.0);
            assertThat(cap[m]).as("month %d", m).isEqualTo(m < 3 ? 3.0e7 : 1.5e7);
            assertThat(subs[m]).as("month %d", m).isPositive();
            assertThat(revenue[m] / subs[m]).as("month %d", m).isCloseTo(fee[m], within(1e-9 * fee[m]));
        }
    }

    /** The rule on in the default world's first two years: the same bytes at 1 and 2 threads, plan series included, and some plan moved. */
    @Test void theRuleGivesTheSameBytesAtOneAndTwoThreads() {
        Scenario sc = owsim.scenario.Scenarios.defaultScenario().withMonths(24).withPlanPricing(RULE);
        RunResult one = run(sc, 1);
        RunResult two = run(sc, 2);
        SameRuns.assertSameRun(one, two);
        double[] cap = one.series("frontier-closed", MetricNames.SUBSCRIPTION_TOKEN_CAP).values();
        assertThat(cap[23]).isNotEqualTo(cap[0]);
    }

    /** The objective left out is the margin band in the agent engine too, bit for bit. */
    @Test void leftOutIsTheMarginBandBitForBit() {
        Scenario sc = OFF.withMonths(6);
        assertThat(RunDigest.of(run(sc.withPlanPricing(RULE.withObjective(PlanPricingSpec.Objective.MARGIN_BAND)), 2)))
            .isEqualTo(RunDigest.of(run(sc.withPlanPricing(RULE), 2)));
    }

    /** The profit objective in the default world's first year: the same bytes at 1 and 2 threads, and the frontier lab's $20 fee moved. */
    @Test void theProfitRuleGivesTheSameBytesAtOneAndTwoThreads() {
        PlanPricingSpec profit = new PlanPricingSpec(0.5, 4.0, 1.5, 0.5, 4.0, 1.34, 5.0, null, Map.of(), PlanPricingSpec.Objective.PROFIT);
        Scenario sc = owsim.scenario.Scenarios.defaultScenario().withMonths(12).withPlanPricing(profit);
        RunResult one = run(sc, 1);
        RunResult two = run(sc, 2);
        SameRuns.assertSameRun(one, two);
        double[] fee = one.series("frontier-closed", MetricNames.SUBSCRIPTION_USD_PER_MONTH).values();
        assertThat(fee[11]).isNotEqualTo(20.0);
    }
}
