package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import owsim.catalog.Catalog;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Mechanisms;
import owsim.scenario.Scenario;
import owsim.scenario.SegmentSpec;

/** Accounting identities on random valid scenarios: the default with its key parameters perturbed. */
class RandomScenarioProperties {
    private static final List<String> POLICIES = List.of("closed", "open", "open-delayed(3)", "open-small(40B)", "open-behind-frontier(6)");
    private static final List<String> SWITCHES = List.of("research", "spillover", "distillation", "wordOfMouth", "hobbyistAdoption",
        "news", "marketing", "distribution", "ecosystem", "talent", "frontierProgress", "subscriptionCaps");

    @Property(tries = 12)
    void identitiesHoldOnPerturbedDefaults(@ForAll("scenarios") Scenario s) {
        assertThat(AccountingTest.checkEveryMonth(s)).isEqualTo(s.months());
    }

    @Property(tries = 12)
    void aSummaryRunHasTheFullRunsSummaries(@ForAll("scenarios") Scenario s) {
        AggregateEngine engine = new AggregateEngine(Catalog.bundled());
        RunResult full = engine.run(s);
        RunResult summary = engine.summarize(s);
        assertThat(summary.labs()).isEqualTo(full.labs());
        assertThat(summary.market()).isEqualTo(full.market());
        assertThat(summary.series()).hasSizeLessThan(full.series().size());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<String>> policies = Arbitraries.of(POLICIES).list().ofSize(4);
        Arbitrary<Double> popScale = Arbitraries.doubles().between(0.1, 10);
        Arbitrary<Double> sigma = Arbitraries.doubles().between(0, 0.3);
        Arbitrary<Double> churn = Arbitraries.doubles().between(0.01, 1);
        Arbitrary<Integer> months = Arbitraries.integers().between(3, 18);
        Arbitrary<List<String>> off = Arbitraries.of(SWITCHES).list().ofMaxSize(4);
        return Combinators.combine(policies, popScale, sigma, churn, months, off).as((p, scale, sg, ch, m, sw) -> {
            Scenario s = Fixtures.FOUR_LABS.withMonths(m);
            for (int i = 0; i < 4; i++) s = s.withPolicy(s.labs().get(i).id(), p.get(i));
            for (SegmentSpec g : s.segments()) {
                s = Fixtures.set(s, "segments[" + g.id() + "].population", g.population() * scale);
                s = Fixtures.set(s, "segments[" + g.id() + "].churnPerMonth", ch);
            }
            s = Fixtures.set(s, "technology.spilloverPerMonth", sg);
            Mechanisms mech = s.mechanisms();
            for (String x : sw) mech = mech.with(x, false);
            return s.withMechanisms(mech);
        });
    }
}
