package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import owsim.catalog.Catalog;
import owsim.experiment.EngineAgreement;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.progress.ProgressListener;
import owsim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** owsim compare-engines' core: figures taken from the right runs, seeds in order, and the agreement it reports. */
class EngineAgreementTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @Test
    void everyFigureIsTheAggregatesValueAgainstTheMeanOfTheAgentRunsOnConsecutiveSeeds() {
        Scenario s = TestScenarios.everybodyAware().withMonths(12);
        EngineAgreement.Result r = EngineAgreement.compare(CATALOG, s, 5_000, 3, 2, ProgressListener.NONE);
        assertThat(r.figures()).hasSize(s.labs().size() * 10 + 3);
        RunResult aggregate = new AggregateEngine(CATALOG).run(s);
        AgentEngine agent = new AgentEngine(CATALOG);
        List<LabSummary> first = agent.run(s, new AgentOptions(5_000, 1, null, null)).labs();
        List<LabSummary> third = agent.run(s.withSeed(s.seed() + 2), new AgentOptions(5_000, 1, null, null)).labs();
        List<LabSummary> second = agent.run(s.withSeed(s.seed() + 1), new AgentOptions(5_000, 1, null, null)).labs();
        for (int i = 0; i < s.labs().size(); i++) {
            String id = s.labs().get(i).id();
            EngineAgreement.Figure payoff = figure(r, id + " payoff");
            assertThat(payoff.aggregate()).isEqualTo(aggregate.labs().get(i).payoff());
            assertThat(payoff.agent().mean()).isCloseTo((first.get(i).payoff() + second.get(i).payoff() + third.get(i).payoff()) / 3,
                org.assertj.core.data.Offset.offset(1e-9 * Math.abs(payoff.agent().mean())));
            assertThat(figure(r, id + " revenueUsd").aggregate()).isEqualTo(aggregate.labs().get(i).revenueUsd());
        }
        assertThat(figure(r, "market openWeightTokenShare").aggregate()).isEqualTo(aggregate.market().openWeightTokenShare());
        // Threads change the speed, not the figures.
        assertThat(EngineAgreement.compare(CATALOG, s, 5_000, 3, 1, ProgressListener.NONE)).isEqualTo(r);
        assertThatThrownBy(() -> EngineAgreement.compare(CATALOG, s, 5_000, 1, 1, ProgressListener.NONE))
            .hasMessageContaining("at least 2");
    }

    @Test
    void withEverybodyAwareTheAgentRunsBracketMostFiguresAndAShiftedAggregateIsCaught() {
        // Everybody aware: the aggregate is the expected value up to the ecosystem's small 1/users bias
        // (docs/MODEL.md, section 3.5), so nearly every interval holds it. The seeds are fixed, so this is
        // a pinned outcome, not a flaky one: measured 43 of 43 bracketed (41 with the earlier random stream).
        Scenario s = TestScenarios.everybodyAware().withMonths(24);
        EngineAgreement.Result r = EngineAgreement.compare(CATALOG, s, 20_000, 10, 2, ProgressListener.NONE);
        assertThat(r.bracketed()).as("figures bracketed of %d", r.figures().size()).isGreaterThanOrEqualTo(r.figures().size() * 8 / 10);
        // A figure moved by 2% of itself, beyond the users' noise at this size, is not bracketed: the
        // replications' sd of a lab's users is 0.9-1.1% of it (measured over disjoint seed sets
        // with both random streams), so the 95% interval of ten spans about +-0.7%, and the mean
        // sits within about 0.5% of the aggregate.
        EngineAgreement.Figure users = figure(r, s.labs().get(0).id() + " users");
        assertThat(new EngineAgreement.Figure(users.name(), users.aggregate() * 1.02, users.agent()).bracketed()).isFalse();
        assertThat(Math.abs(users.standardErrors())).isLessThan(4);
    }

    @Test
    void gapsCarryTheSignOfAgentMinusAggregateAndRoundingIsNoDisagreement() {
        owsim.experiment.analysis.ReplicationSummary higher = owsim.experiment.analysis.ReplicationSummary.of("x", new double[] {-800, -806, -804}, 0.95);
        EngineAgreement.Figure loss = new EngineAgreement.Figure("small-open payoff", -849.5, higher);
        assertThat(loss.relativeGap()).isPositive().isCloseTo(45.8 / 849.5, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(loss.standardErrors()).isPositive();
        assertThat(loss.bracketed()).isFalse();
        // Spread of an ulp around 7124: the interval is that narrow, the gap a rounding.
        double ulp = Math.ulp(7124.0);
        owsim.experiment.analysis.ReplicationSummary flat = owsim.experiment.analysis.ReplicationSummary.of("y", new double[] {7124, 7124 + ulp, 7124}, 0.95);
        assertThat(new EngineAgreement.Figure("lab researchers", 7124 - 4 * ulp, flat).bracketed()).isTrue();
        assertThat(new EngineAgreement.Figure("lab researchers", 7124 * (1 - 1e-6), flat).bracketed()).isFalse();
    }

    private static EngineAgreement.Figure figure(EngineAgreement.Result r, String name) {
        return r.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no figure " + name));
    }
}
