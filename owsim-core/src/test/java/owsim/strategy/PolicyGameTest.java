package owsim.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.random.StudentT;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.market.aggregate.AggregateEngine;
import owsim.progress.ProgressListener;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;
import owsim.strategy.games.PureEquilibrium;
import owsim.strategy.games.PureNash;

class PolicyGameTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final List<String> LABS = List.of("open-challenger", "frontier-closed");
    private static final List<String> POLICIES = List.of("closed", "open");

    @Test void aggregatePayoffsAreTheRunsOfEachProfile() {
        Scenario base = TestWorlds.fourLabs().withMonths(24);
        AggregateEngine engine = new AggregateEngine(CATALOG);
        PolicyGame g = PolicyGame.simulate(base, LABS, POLICIES, 1, engine, ProgressListener.NONE);
        for (int i = 0; i < g.game().profileCount(); i++) {
            int[] p = g.game().profile(i);
            RunResult r = engine.run(base.withPolicy(LABS.get(0), POLICIES.get(p[0])).withPolicy(LABS.get(1), POLICIES.get(p[1])));
            assertThat(g.game().payoffAt(i, 0)).isEqualTo(payoff(r, LABS.get(0)));
            assertThat(g.game().payoffAt(i, 1)).isEqualTo(payoff(r, LABS.get(1)));
            assertThat(g.halfWidth95(i, 0)).isZero();
        }
    }

    @Test void agentReplicationsShareSeedsAcrossProfilesAndDeviationsArePairedDifferences() {
        Scenario base = TestWorlds.fourLabs().withMonths(18);
        AgentEngine engine = new AgentEngine(CATALOG);
        AgentOptions options = new AgentOptions(2_000, 2, null, ProgressListener.NONE);
        List<Long> seeds = new ArrayList<>();
        PolicyGame g = PolicyGame.simulate(base, LABS, POLICIES, 3, s -> {
            seeds.add(s.seed());
            return engine.run(s, options);
        }, ProgressListener.NONE);
        // 4 profiles x 3 replications; replication r has the same seed in every profile, the first the scenario's own.
        assertThat(seeds).hasSize(12);
        for (int k = 0; k < 12; k++) assertThat(seeds.get(k)).isEqualTo(seeds.get(k % 3));
        assertThat(seeds.get(0)).isEqualTo(base.seed());
        assertThat(seeds.subList(0, 3)).doesNotHaveDuplicates();

        // A cell's replication equals a direct run on that seed; the mean is the game's payoff.
        int[] profile = {1, 0};
        int index = g.game().profileIndex(profile);
        double[] samples = g.samples(index, 0);
        Scenario s = base.withPolicy(LABS.get(0), "open").withPolicy(LABS.get(1), "closed");
        assertThat(samples[2]).isEqualTo(payoff(engine.run(s.withSeed(seeds.get(2)), options), LABS.get(0)));
        assertThat(g.game().payoffAt(index, 0)).isCloseTo((samples[0] + samples[1] + samples[2]) / 3, within(1e-6));

        // Deviation: mean and t interval of the paired differences, by hand.
        PolicyGame.Deviation d = g.deviation(profile, 0, 0);
        double[] other = g.samples(g.game().profileIndex(0, 0), 0);
        double[] diff = new double[3];
        double mean = 0;
        for (int r = 0; r < 3; r++) {
            diff[r] = samples[r] - other[r];
            mean += diff[r] / 3;
        }
        double ss = 0;
        for (double x : diff) ss += (x - mean) * (x - mean);
        assertThat(d.lossMean()).isCloseTo(mean, within(1e-6 * Math.abs(mean) + 1e-6));
        assertThat(d.halfWidth95()).isCloseTo(StudentT.quantile(0.975, 2) * Math.sqrt(ss / 2 / 3), within(1e-6 * d.halfWidth95() + 1e-9));
        assertThat(d.significant()).isEqualTo(d.lossMean() - d.halfWidth95() > 0);
        for (PureEquilibrium e : PureNash.find(g.game())) assertThat(g.deviations(e)).hasSize(2);
    }

    @Test void badPlayersPoliciesAndReplicationsAreRefusedByName() {
        Scenario base = TestWorlds.fourLabs();
        AggregateEngine engine = new AggregateEngine(CATALOG);
        assertThatThrownBy(() -> PolicyGame.simulate(base, List.of("open-challenger", "nobody"), POLICIES, 1, engine::run, ProgressListener.NONE))
            .hasMessageStartingWith("labs:").hasMessageContaining("nobody").hasMessageContaining("frontier-closed");
        assertThatThrownBy(() -> PolicyGame.simulate(base, List.of("open-challenger", "open-challenger"), POLICIES, 1, engine::run, ProgressListener.NONE))
            .hasMessageContaining("twice");
        assertThatThrownBy(() -> PolicyGame.simulate(base, LABS, List.of("open", "open"), 1, engine::run, ProgressListener.NONE))
            .hasMessageStartingWith("policies:");
        assertThatThrownBy(() -> PolicyGame.simulate(base, LABS, POLICIES, 0, engine::run, ProgressListener.NONE))
            .hasMessageStartingWith("replications:");
    }

    private static double payoff(RunResult r, String lab) {
        for (LabSummary l : r.labs()) if (l.id().equals(lab)) return l.payoff();
        throw new AssertionError(lab);
    }
}
