package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;

/** Issue 12: NaN and infinities from extreme inputs reached timeseries.csv, summary.json and the tables with exit 0. */
class FiniteOutputsTest {
    private static final RunResult RUN = Fixtures.ENGINE.run(Fixtures.FOUR_LABS.withMonths(3));

    /** The default run with one value of one series replaced. */
    private static RunResult withValue(String entity, String metric, int month, double v) {
        List<Series> series = new ArrayList<>();
        for (Series s : RUN.series()) {
            double[] values = s.values();
            if (s.entity().equals(entity) && s.metric().equals(metric)) values[month] = v;
            series.add(new Series(s.entity(), s.metric(), s.unit(), values));
        }
        return new RunResult(RUN.scenarioName(), RUN.startMonth(), RUN.months(), RUN.seed(), RUN.engine(), series, RUN.labs(), RUN.market());
    }

    @Test
    void theDefaultRunIsFinite() {
        assertThatCode(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, RUN)).doesNotThrowAnyException();
    }

    @Test
    void aNaNNamesTheSeriesTheLabTheMonthAndTheInputsToCheck() {
        RunResult bad = withValue("frontier-closed", "revenueUsd", 1, Double.NaN);
        assertThatThrownBy(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, bad))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("non-finite value (NaN) in revenueUsd for frontier-closed at 2025-02")
            .hasMessageContaining("check labs[0] (frontier-closed)");
    }

    @Test
    void anInfinityInASegmentOrHostSeriesNamesThatSection() {
        assertThatThrownBy(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, withValue("developers.china", "tokens", 0, Double.POSITIVE_INFINITY)))
            .hasMessageContaining("(Infinity) in tokens for developers.china at 2025-01")
            .hasMessageContaining("check segments[1] (developers.china)");
        String host = Fixtures.FOUR_LABS.hosts().get(1).id();
        assertThatThrownBy(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, withValue("market", "host." + host + ".revenueUsd", 2, Double.NEGATIVE_INFINITY)))
            .hasMessageContaining("check hosts[1] (" + host + ")");
    }

    @Test
    void theEarliestMonthIsReported() {
        RunResult bad = withValue("app-giant", "cashUsd", 2, Double.NaN);
        List<Series> series = new ArrayList<>(bad.series());
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            if (s.entity().equals("small-open") && s.metric().equals("tokens")) {
                double[] v = s.values();
                v[1] = Double.NaN;
                series.set(k, new Series(s.entity(), s.metric(), s.unit(), v));
            }
        }
        RunResult two = new RunResult(RUN.scenarioName(), RUN.startMonth(), RUN.months(), RUN.seed(), RUN.engine(), series, RUN.labs(), RUN.market());
        assertThatThrownBy(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, two)).hasMessageContaining("tokens for small-open at 2025-02");
    }

    @Test
    void missingMarketMeasuresMayBeNaNButNeverInfinite() {
        assertThatCode(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, withValue("market", "bestOpenCapability", 0, Double.NaN))).doesNotThrowAnyException();
        assertThatCode(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, withValue("market", "openModelLagMonths", 0, Double.NaN))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, withValue("market", "openModelLagMonths", 0, Double.POSITIVE_INFINITY)))
            .isInstanceOf(InputException.class);
        assertThatThrownBy(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, withValue("market", "allTokens", 0, Double.NaN)))
            .hasMessageContaining("in allTokens for market");
    }

    @Test
    void summaryValuesAreCheckedToo() {
        LabSummary l = RUN.labs().get(2);
        List<LabSummary> labs = new ArrayList<>(RUN.labs());
        labs.set(2, new LabSummary(l.id(), l.policy(), Map.of("api", 1.0), l.tokens(), l.revenueUsd(), l.servingCostUsd(),
            l.distillationBurdenUsd(), l.trainingSpendUsd(), l.capability(), l.researchers(), l.cashUsd(), Double.POSITIVE_INFINITY));
        RunResult bad = new RunResult(RUN.scenarioName(), RUN.startMonth(), RUN.months(), RUN.seed(), RUN.engine(), RUN.series(), labs, RUN.market());
        assertThatThrownBy(() -> FiniteOutputs.check(Fixtures.FOUR_LABS, bad))
            .hasMessageContaining("in payoff for app-giant in the run's summary")
            .hasMessageContaining("check labs[2] (app-giant)");
        assertThat(RUN.labs()).hasSize(4);
    }
    /** Issue 12, first finding end to end: leaving out the frontier lab's plan gave 130 NaN values in timeseries.csv. */
    @Test
    void aLabWithoutASubscriptionRunsWithEveryValueFinite() {
        owsim.scenario.Scenario noPlan = owsim.scenario.Scenarios.parse("no-plan.yaml", owsim.scenario.TestWorlds.fourLabsYaml()
            .replaceFirst("\\n    subscription: \\{usdPerMonth: 20, [^\\n]*", "")
            .replaceFirst("\\n    pro: \\{usdPerMonth: 200, [^\\n]*", "") /* its pro plan goes with it */).withMonths(12);
        RunResult r = Fixtures.ENGINE.run(noPlan);
        for (Series s : r.series()) {
            if (s.entity().equals("market") && FiniteOutputs.MAY_BE_MISSING.contains(s.metric())) continue;
            for (double v : s.values()) assertThat(v).as(s.entity() + "/" + s.metric()).isFinite();
        }
        for (LabSummary l : r.labs()) assertThat(l.payoff()).as(l.id()).isFinite();
        assertThat(r.labs().get(0).usersByOption().get("subscription")).isZero();
        assertThat(r.labs().get(0).revenueUsd()).isPositive();
    }
}
