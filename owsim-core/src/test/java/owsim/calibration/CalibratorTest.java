package owsim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunResult;
import owsim.market.Series;
import owsim.market.aggregate.AggregateEngine;
import owsim.progress.ProgressListener;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.TestWorlds;

/**
 * Closed loop: targets made from a run with known parameter values are fitted back to those
 * values, the parameter no target depends on is reported free, and the result does not depend on
 * the thread count.
 */
class CalibratorTest {
    private static final AggregateEngine ENGINE = new AggregateEngine(Catalog.bundled());
    private static final String BRAND = "labs[frontier-closed].brandUtility";
    private static final String PRICE = "segments[consumers].priceWeightPerUsd";
    /** Consumers are not offered third-party hosts, so no consumer target depends on this. */
    private static final String HOST = "hosts[premium-host].brandUtility";

    /** Targets file whose figures are the model's own at brand 2.1, price weight 0.25 (tolerance 5%). */
    static String synthetic(int screening, int starts, int evaluations, int polish) {
        Scenario truth = new ScenarioOverrides().apply(TestWorlds.fourLabs().withMonths(6), new String[] {BRAND, PRICE}, new double[] {2.1, 0.25});
        RunResult r = ENGINE.run(truth);
        double users = r.series("frontier-closed", "users").at(5);
        double share = r.series("frontier-closed", "users.subscription").at(5) / users;
        return String.format(Locale.ROOT, """
            name: closed-loop
            rootSeed: 7
            search: {screeningRuns: %d, starts: %d, evaluationsPerStart: %d, polishEvaluations: %d}
            parameters:
              - {path: "%s", min: 0, max: 3}
              - {path: "%s", distribution: log-uniform, min: 0.05, max: 0.5}
              - {path: "%s", min: 0, max: 1}
            targets:
              - {id: users, entity: frontier-closed, metric: users, at: 2025-06, value: %s, unit: users, tolerance: 0.05, source: the model at known values, date: 2025-06}
              - {id: paying, entity: frontier-closed, metric: users.subscription, per: users, at: 2025-06, value: %s, unit: share, tolerance: 0.05, source: the model at known values, date: 2025-06}
            """, screening, starts, evaluations, polish, BRAND, PRICE, HOST, Double.toString(users), Double.toString(share));
    }

    static Calibration calibration(String text) {
        return Calibrations.parse("synthetic.yaml", text, TestWorlds.FOUR_LABS_NAME, TestWorlds.fourLabsYaml(), TestWorlds.fourLabs(), null, ENGINE);
    }

    @Test
    void recoversKnownParametersAndCallsTheIrrelevantOneFree() throws Exception {
        Calibration c = calibration(synthetic(8, 1, 30, 60));
        CalibrationResult r = new Calibrator(ENGINE, 2, ProgressListener.NONE).run(c);
        // Known values: brand 2.1 (unit 0.7), price weight 0.25 (log-uniform 0.05..0.5: unit ln 5 / ln 10 = 0.699).
        assertThat(r.fittedLoss()).as("loss at the optimum").isLessThan(0.01);
        assertThat(r.parameters().get(0).fitted()).as(BRAND).isCloseTo(2.1, within(0.06));
        assertThat(r.parameters().get(1).fitted()).as(PRICE).isCloseTo(0.25, within(0.01));
        assertThat(r.targets()).allMatch(TargetFit::fittedWithin);
        assertThat(r.parameters().get(0).verdict()).isEqualTo("identified");
        assertThat(r.parameters().get(1).verdict()).isEqualTo("identified");
        // Only developers choose hosts, and their few users of the frontier lab hardly move its user count: the posterior is the prior.
        assertThat(r.parameters().get(2).localRatio()).isCloseTo(1, within(1e-3));
        assertThat(r.parameters().get(2).verdict()).isEqualTo("free");
        assertThat(r.freeDirections()).isEqualTo(1);
        assertThat(Math.abs(r.weakestDirection()[2])).isCloseTo(1, within(1e-3));
        assertThat(r.searchEvaluations()).isLessThanOrEqualTo(30);
        assertThat(r.polishEvaluations()).isBetween(1, 60);
    }

    @Test
    void sameSeedSameBytesWhateverTheThreadCount() throws Exception {
        Calibration c = calibration(synthetic(8, 2, 10, 10));
        String one = CalibrationJson.write(new Calibrator(ENGINE, 1, ProgressListener.NONE).run(c));
        String three = CalibrationJson.write(new Calibrator(ENGINE, 3, ProgressListener.NONE).run(c));
        assertThat(three).isEqualTo(one);
    }

    @Test
    void theMonthsBeforeTheLastTargetDoNotDependOnTheRunsLength() {
        // Calibrations cuts the base scenario after the last target's month; that is only sound if no mechanism looks ahead.
        RunResult full = ENGINE.run(TestWorlds.fourLabs());
        RunResult cut = ENGINE.run(TestWorlds.fourLabs().withMonths(12));
        for (Series s : cut.series()) {
            double[] whole = full.series(s.entity(), s.metric()).values();
            for (int m = 0; m < 12; m++) assertThat(s.at(m)).as("%s.%s month %d", s.entity(), s.metric(), m).isEqualTo(whole[m]);
        }
    }
}
