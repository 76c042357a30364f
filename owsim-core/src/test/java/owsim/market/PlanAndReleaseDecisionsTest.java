package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.market.agent.AgentRun;
import owsim.scenario.ReleaseDecisionsSpec;
import owsim.scenario.Scenario;

/**
 * Mechanisms planPricing and releaseDecisions together, in the four-lab world with both rules on (their tests' RULEs):
 * they decide in the same months, release decisions before the month's releases and plan prices after them, so each
 * reads a state the other has moved. In both engines every decision of each is the one its own rule gives from the
 * joint run's state (the checks of {@link PlanPricingTest} and {@link ReleaseDecisionsTest}, on the state each month
 * left), both act (some plan moves, some lab changes its policy), and the agent engine gives the same bytes on one
 * thread and on two.
 */
class PlanAndReleaseDecisionsTest {
    private static final Scenario BOTH = Fixtures.FOUR_LABS.withPlanPricing(PlanPricingTest.RULE).withReleaseDecisions(ReleaseDecisionsTest.RULE);

    /**
     * Watches a run month by month: after each month it keeps what the next month's decisions will read (no mechanism
     * before them in the month changes it), and after a decision month checks what each decision set against the rules.
     */
    private static final class Watch implements BiConsumer<World, MarketState> {
        private final ReleaseDecisionsSpec release;
        private PlanPricingTest.Plans plans;
        private final List<ReleaseDecisionsTest.Decision> pending = new ArrayList<>();
        private double[] shareAtDecision;
        int planDecisions;
        int planMoves;
        int releaseDecisions;
        int policyChanges;

        Watch(Scenario sc) {
            release = sc.releaseDecisions();
        }

        @Override public void accept(World w, MarketState s) {
            int m = s.month;
            if (shareAtDecision == null) {
                shareAtDecision = new double[w.labs];
                Arrays.fill(shareAtDecision, Double.NaN);
            }
            if (Financing.decisionMonth(w, m)) {
                for (int i = 0; i < w.labs; i++) {
                    Boolean moved = PlanPricingTest.assertDecided(PlanPricingTest.RULE, w, s, plans, i, m);
                    if (moved == null) continue;
                    planDecisions++;
                    if (moved) planMoves++;
                }
                for (ReleaseDecisionsTest.Decision d : pending) {
                    String after = s.releasePolicy[d.lab()].text();
                    ReleaseDecisionsSpec.Menu menu = release.labs().get(w.scenario.labs().get(d.lab()).id());
                    assertThat(after).as("lab %d month %d", d.lab(), m).isEqualTo(ReleaseDecisionsTest.expected(release, menu, d));
                    releaseDecisions++;
                    if (!after.equals(d.before())) policyChanges++;
                }
            }
            pending.clear();
            plans = PlanPricingTest.Plans.of(s);
            if (!Financing.decisionMonth(w, m + 1)) return;
            double all = 0;
            for (int i = 0; i < w.labs; i++) all += s.users(i);
            for (int i = 0; i < w.labs; i++) {
                if (!release.labs().containsKey(w.scenario.labs().get(i).id())) continue;
                double share = s.users(i) / all;
                double before = shareAtDecision[i];
                shareAtDecision[i] = share;
                ReleaseDecisionsTest.Decision d = ReleaseDecisionsTest.seen(w, s, release, i, m + 1, before, share);
                if (d != null) pending.add(d);
            }
        }

        void assertBothActed() {
            assertThat(planDecisions).as("plan decisions").isGreaterThan(10);
            assertThat(planMoves).as("plan moves").isPositive();
            assertThat(releaseDecisions).as("release decisions").isGreaterThan(10);
            assertThat(policyChanges).as("policy changes").isPositive();
        }
    }

    @Test void eachDecisionIsItsOwnRuleInTheJointAggregateRun() {
        Watch watch = new Watch(BOTH);
        Fixtures.run(BOTH, watch);
        watch.assertBothActed();
    }

    /** The agent engine (50,000 users): the rules hold on two threads, and one thread gives the same bytes, every series. */
    @Test void eachDecisionIsItsOwnRuleInTheJointAgentRunAtOneAndTwoThreads() {
        Watch watch = new Watch(BOTH);
        RunResult two = agent(BOTH, 2, watch);
        watch.assertBothActed();
        SameRuns.assertSameRun(agent(BOTH, 1, (w, s) -> { }), two);
    }

    private static RunResult agent(Scenario sc, int threads, BiConsumer<World, MarketState> observer) {
        try (AgentRun run = new AgentEngine(Fixtures.CATALOG).start(sc, new AgentOptions(50_000, threads, null, null))) {
            IndividualMarket market = run.market();
            while (run.month() < run.months()) {
                run.step();
                observer.accept(market.world(), market.state());
            }
            return run.result();
        }
    }
}
