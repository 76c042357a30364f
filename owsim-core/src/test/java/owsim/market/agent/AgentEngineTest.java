package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.market.MetricNames;
import owsim.catalog.Catalog;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.SameRuns;
import owsim.market.aggregate.AggregateEngine;
import owsim.progress.Progress;
import owsim.scenario.NetworkSpec;
import owsim.scenario.Scenario;

class AgentEngineTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentEngine ENGINE = new AgentEngine(CATALOG);
    private static final Scenario SHORT = TestScenarios.FOUR_LABS.withMonths(18);

    @Test
    void sameSeriesNamesAsTheAggregateEngine() {
        RunResult agent = ENGINE.run(SHORT, AgentOptions.of(20_000));
        RunResult aggregate = new AggregateEngine(CATALOG).run(SHORT);
        assertThat(agent.engine()).isEqualTo("agent");
        assertThat(agent.series().stream().map(s -> s.entity() + "/" + s.metric()).toList())
            .isEqualTo(aggregate.series().stream().map(s -> s.entity() + "/" + s.metric()).toList());
        assertThat(agent.labs()).hasSameSizeAs(aggregate.labs());
    }

    @Test
    void oneAndTwoThreadsGiveBitIdenticalResults() {
        RunResult one = ENGINE.run(SHORT, new AgentOptions(60_000, 1, null, null));
        RunResult two = ENGINE.run(SHORT, new AgentOptions(60_000, 2, null, null));
        SameRuns.assertSameRun(one, two);
        RunResult other = ENGINE.run(SHORT.withSeed(SHORT.seed() + 1), new AgentOptions(60_000, 2, null, null));
        assertThat(other.series("frontier-closed", MetricNames.USERS).values()).isNotEqualTo(one.series("frontier-closed", MetricNames.USERS).values());
    }

    /**
     * Every series of a fully mixed run of the default world (regions and financing on), bit for
     * bit, on one and two threads: the digest was re-made when each user's replacement and
     * reconsidering came to share one 64-bit draw (the random stream changed on purpose), so any
     * other change to the speed of the fully mixed loop must leave it as it is.
     */
    @Test
    void fullyMixedDefaultWorldKeepsItsBytes() {
        // The world the digest was made in: apiPricing, researchCompute, proPlans and enterprise came later (each off gives the run before it, bit for bit).
        Scenario s = owsim.scenario.TestWorlds.fourLabs().with(owsim.scenario.MechanismSwitch.API_PRICING, false)
            .with(owsim.scenario.MechanismSwitch.RESEARCH_COMPUTE, false).with(owsim.scenario.MechanismSwitch.PRO_PLANS, false)
            .with(owsim.scenario.MechanismSwitch.ENTERPRISE, false).withMonths(24).withSeed(7);
        String pinned = "71d84776d63eedd89122344bc520ee7084a272da1b23e6b426c6fa55f09a00a7";
        assertThat(RunDigest.of(ENGINE.run(s, new AgentOptions(50_000, 2, null, null)))).isEqualTo(pinned);
        assertThat(RunDigest.of(ENGINE.run(s, new AgentOptions(50_000, 1, null, null)))).isEqualTo(pinned);
    }

    /** The serial share that SideBySide prints needs the time inside the parallel loops: some, and less than the month. */
    @Test
    void parallelTimeIsPartOfTheMonth() {
        try (AgentRun run = ENGINE.start(SHORT, new AgentOptions(50_000, 2, null, null))) {
            run.step();
            long p0 = run.parallelNanos();
            long t0 = System.nanoTime();
            run.step();
            long t1 = System.nanoTime();
            long inside = run.parallelNanos() - p0;
            assertThat(inside).isPositive().isLessThanOrEqualTo(t1 - t0);
        }
    }

    @Test
    void networksAreDeterministicForAnyThreadCount() {
        NetworkSpec er = new NetworkSpec(NetworkSpec.Kind.ERDOS_RENYI, 10.0, null, null);
        Scenario s = SHORT.withNetwork(er);
        RunResult one = ENGINE.run(s, new AgentOptions(40_000, 1, null, null));
        RunResult two = ENGINE.run(s, new AgentOptions(40_000, 2, null, null));
        assertThat(two.series(MetricNames.MARKET, MetricNames.ALL_TOKENS).values()).containsExactly(one.series(MetricNames.MARKET, MetricNames.ALL_TOKENS).values());
        // The options' network overrides the scenario's; every kind runs.
        for (NetworkSpec n : List.of(NetworkSpec.fullyMixed(), new NetworkSpec(NetworkSpec.Kind.WATTS_STROGATZ, 10.0, 0.1, null),
            new NetworkSpec(NetworkSpec.Kind.BARABASI_ALBERT, null, null, 5))) {
            RunResult r = ENGINE.run(s, new AgentOptions(20_000, 2, n, null));
            assertThat(r.series("frontier-closed", MetricNames.AWARENESS).values()[17]).isBetween(0.0, 1.0);
        }
    }

    /**
     * Every series of a network run, bit for bit, for each kind of network (the digests were
     * re-made when replacement and reconsidering came to share one 64-bit draw a user): a change
     * to the speed of the neighbour loop must leave them as they are.
     */
    @Test
    void networkRunsKeepTheirBytes() {
        // The world the digests were made in: pro plans and enterprise came later (off, the run before them, bit for bit).
        Scenario s = SHORT.withMonths(24).with(owsim.scenario.MechanismSwitch.PRO_PLANS, false).with(owsim.scenario.MechanismSwitch.ENTERPRISE, false);
        java.util.Map<NetworkSpec, String> pinned = new java.util.LinkedHashMap<>();
        pinned.put(new NetworkSpec(NetworkSpec.Kind.ERDOS_RENYI, 10.0, null, null), "e7ec33d1ddf4f394404e9332e45b89cf35247cf5d1cd2e6b7055412309a3e825");
        pinned.put(new NetworkSpec(NetworkSpec.Kind.WATTS_STROGATZ, 10.0, 0.1, null), "19d40fd4fe7f980c1659fe8cb17357c4c371cd4846fb9844fbe494c5f73b2d0b");
        pinned.put(new NetworkSpec(NetworkSpec.Kind.BARABASI_ALBERT, null, null, 5), "b7f63c57961b181555a051f5fda80ff0bdd8dea6364e59a43cb441cef0ce337e");
        java.util.Map<NetworkSpec, String> got = new java.util.LinkedHashMap<>();
        for (NetworkSpec n : pinned.keySet()) got.put(n, RunDigest.of(ENGINE.run(s, new AgentOptions(50_000, 2, n, null))));
        assertThat(got).isEqualTo(pinned);
        // One thread pushes neighbour counts with plain adds, two with atomic ones: the same bytes.
        NetworkSpec er = pinned.keySet().iterator().next();
        assertThat(RunDigest.of(ENGINE.run(s, new AgentOptions(50_000, 1, er, null)))).isEqualTo(pinned.get(er));
    }

    @Test
    void bassOnlyWorldFollowsTheClosedFormWithAMillionUsers() {
        Scenario bass = TestScenarios.bassOnly();
        RunResult agent = ENGINE.run(bass, new AgentOptions(1_000_000, 2, null, null));
        RunResult aggregate = new AggregateEngine(CATALOG).run(bass);
        String seg = bass.segments().get(0).id();
        String lab = bass.labs().get(0).id();
        double[] a = agent.series(seg, "awareness." + lab).values();
        double[] g = aggregate.series(seg, "awareness." + lab).values();
        double worst = 0;
        for (int m = 0; m < a.length; m++) {
            double f = TestScenarios.bassClosedForm((m + 1) / 12.0);
            assertThat(g[m]).as("aggregate, month %d", m).isCloseTo(f, within(1e-3));
            assertThat(a[m]).as("agent, month %d", m).isCloseTo(f, within(0.005));
            worst = Math.max(worst, Math.abs(a[m] - f));
        }
        assertThat(worst).isGreaterThan(0); // individuals, not a copy of the aggregate
        // Users are the aware (everybody who knows the lab uses it): the word of mouth the closed form assumes.
        double[] users = agent.series(lab, MetricNames.USERS).values();
        double pop = bass.segments().get(0).population();
        assertThat(users[59] / pop).isCloseTo(a[59], within(0.002));
    }

    @Test
    void bassOnlyWorldWithAFastPairFollowsTheAggregatesExactStep() {
        // p = 0.01 and q = 0.5 per month: the curve passes half-way in month 8 and is near 1 by month 24.
        // Word of mouth starts a month late in the model (in month 0 nobody uses the lab yet), which
        // puts both engines up to 2.4 points below the closed form here; the kernel's job is the
        // aggregate's expected value, at every month.
        Scenario bass = TestScenarios.bassOnly(0.12, 6.0);
        String seg = bass.segments().get(0).id();
        String lab = bass.labs().get(0).id();
        double[] a = ENGINE.run(bass, new AgentOptions(1_000_000, 2, null, null)).series(seg, "awareness." + lab).values();
        double[] g = new AggregateEngine(CATALOG).run(bass).series(seg, "awareness." + lab).values();
        double worst = 0;
        for (int m = 0; m < a.length; m++) {
            // sd of a share at 1M users <= 0.0005 in one month, but word of mouth amplifies the early
            // months' noise up to the curve's midpoint (months 5 to 9): the worst month of a run,
            // measured over five seeds each, was 0.0005 to 0.0034 with the earlier random stream and
            // 0.0005 to 0.0022 with this one (0.0021 at this seed). A bias of 1% of the share at
            // the midpoint (0.005) fails.
            assertThat(a[m]).as("month %d", m).isCloseTo(g[m], within(0.004));
            worst = Math.max(worst, Math.abs(a[m] - g[m]));
        }
        assertThat(worst).isGreaterThan(0); // individuals, not a copy of the aggregate
    }

    @Test
    void onANetworkWordOfMouthIsTheNeighboursAndSlowerThanFullMixing() {
        Scenario bass = TestScenarios.bassOnly().withNetwork(new NetworkSpec(NetworkSpec.Kind.ERDOS_RENYI, 10.0, null, null));
        RunResult r = ENGINE.run(bass, new AgentOptions(200_000, 2, null, null));
        double[] a = r.series(bass.segments().get(0).id(), "awareness." + bass.labs().get(0).id()).values();
        double closed = TestScenarios.bassClosedForm(5);
        // Measured for the month loop alone at 1M users: 0.304 against 0.331 (package documentation).
        assertThat(a[59]).isBetween(closed - 0.06, closed - 0.01);
        // Without any word of mouth only p would act: 1 - e^{-0.03 x 5} = 0.139.
        assertThat(a[59]).isGreaterThan(0.2);
    }

    @Test
    void aNetworkTooDenseForThePopulationIsAClearError() {
        Scenario s = SHORT.withNetwork(new NetworkSpec(NetworkSpec.Kind.ERDOS_RENYI, 50.0, null, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ENGINE.run(s, AgentOptions.of(20)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("network: cannot build erdos-renyi over 20 users: meanDegree");
    }

    @Test
    void reportsProgressPerMonth() {
        java.util.List<Progress> seen = new java.util.ArrayList<>();
        ENGINE.run(SHORT.withMonths(3), new AgentOptions(10_000, 1, null, seen::add));
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).done()).isEqualTo(30_000);
        assertThat(seen.get(seen.size() - 1).isFinished()).isTrue();
    }

    @Test
    void smallSegmentsAreOversampledAndWeighted() {
        double[] shares = AgentEngine.Users.allocation(new double[] {0.999999, 0.000001}, new double[] {1e9, 1000}, 1_000_000);
        assertThat(shares[1] * 1_000_000).isCloseTo(1000, within(1.0));
        RunResult r = ENGINE.run(SHORT, AgentOptions.of(20_000));
        // The firms' segment (2,000 members) is simulated although its share of people is 1e-6.
        assertThat(r.series("major-players", MetricNames.TOKENS).values()[17]).isGreaterThan(0);
        double[] pop = r.series("consumers", MetricNames.POPULATION).values();
        assertThat(pop[0]).isEqualTo(new AggregateEngine(CATALOG).run(SHORT).series("consumers", MetricNames.POPULATION).values()[0]);
    }
}
