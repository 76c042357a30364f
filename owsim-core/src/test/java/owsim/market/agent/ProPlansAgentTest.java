package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code proPlans} in the agent engine: each user on a lab's subscription is capped by the
 * plan its class was offered (the pro plan's cap where the offer chose it), and books its fee. Where the
 * engines describe the same process (everybody aware of every lab, the ecosystem off: the lab state is
 * the aggregate's to the bit, docs/MODEL.md 3.5), the replications' mean of the frontier lab's pro
 * subscribers, pro fees, subscribers and tokens brackets the aggregate's, as {@code AgentConvergenceTest}
 * checks the headline figures; and with the switch off the agent run is the one before the mechanism, bit
 * for bit, without its series.
 */
class ProPlansAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final int USERS = 200_000;
    private static final int REPS = 10;
    /** Two-sided 99.9% quantile of t with 9 degrees of freedom: the 8 figures below at a joint level of about 99%. */
    private static final double T_999_9 = 4.781;

    @Test void replicationsBracketTheAggregatesProSubscribersAndFees() {
        Scenario aware = TestScenarios.everybodyAware();
        Scenario s = aware.withMechanisms(TestScenarios.with(aware.mechanisms(), Map.of("ecosystem", Boolean.FALSE))).withMonths(12);
        RunResult aggregate = new AggregateEngine(CATALOG).run(s);
        String[] metrics = {MetricNames.PRO_SUBSCRIBERS, MetricNames.PRO_REVENUE_USD, MetricNames.users(owsim.scenario.OptionKind.SUBSCRIPTION), MetricNames.TOKENS};
        int[] months = {0, 11};
        double[][] sum = new double[metrics.length][months.length];
        double[][] sq = new double[metrics.length][months.length];
        AgentEngine engine = new AgentEngine(CATALOG);
        for (int r = 0; r < REPS; r++) {
            RunResult a = engine.run(s.withSeed(s.seed() + r), new AgentOptions(USERS, 2, null, null));
            for (int k = 0; k < metrics.length; k++) {
                double[] v = a.series("frontier-closed", metrics[k]).values();
                for (int j = 0; j < months.length; j++) {
                    sum[k][j] += v[months[j]];
                    sq[k][j] += v[months[j]] * v[months[j]];
                }
            }
        }
        for (int k = 0; k < metrics.length; k++) {
            for (int j = 0; j < months.length; j++) {
                double expected = aggregate.series("frontier-closed", metrics[k]).values()[months[j]];
                double mean = sum[k][j] / REPS;
                double se = Math.sqrt(Math.max(0, (sq[k][j] - REPS * mean * mean) / (REPS - 1)) / REPS);
                String what = metrics[k] + ", month " + (months[j] + 1);
                assertThat(expected).as("aggregate " + what).isPositive();
                // Tokens are sums of a lognormal usage: held to the interval or 5% of the aggregate (as AgentConvergenceTest holds them).
                boolean skewed = metrics[k].equals(MetricNames.TOKENS) && Math.abs(mean / expected - 1) <= 0.05;
                assertThat(Math.abs(mean - expected) <= T_999_9 * se || skewed)
                    .as("%s: aggregate %.6g, agents %.6g +/- %.3g (standard error)", what, expected, mean, se).isTrue();
            }
        }
    }

    @Test void offIsTheAgentRunWithoutAProPlan() {
        Scenario on = TestScenarios.FOUR_LABS.withMonths(6);
        Scenario off = on.with(MechanismSwitch.PRO_PLANS, false);
        Scenario none = on.withLabs(on.labs().stream().map(l -> TestScenarios.with(l, java.util.Collections.singletonMap("pro", null))).toList());
        AgentOptions options = new AgentOptions(30_000, 2, null, null);
        RunResult a = new AgentEngine(CATALOG).run(off, options);
        RunResult b = new AgentEngine(CATALOG).run(none, options);
        assertThat(a.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS)).isNull();
        assertThat(owsim.market.RunDigest.of(a)).isEqualTo(owsim.market.RunDigest.of(b));
        RunResult c = new AgentEngine(CATALOG).run(on, options);
        assertThat(c.series("frontier-closed", MetricNames.PRO_SUBSCRIBERS).values()[5]).isPositive();
        assertThat(owsim.market.RunDigest.of(c)).isNotEqualTo(owsim.market.RunDigest.of(a));
    }
}
