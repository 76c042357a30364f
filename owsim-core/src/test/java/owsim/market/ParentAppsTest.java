package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.ParentAppsSpec;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism parentApps: switched off, or the section left out or listing no lab, the run is the one
 * without it, bit for bit; a listed lab earns its parent's revenue per user-month times the
 * engagement share times its subscription and free users times their region's willingness to pay,
 * ramped from its start month; paying API users and unlisted labs earn nothing; bad values name the
 * file, line and field.
 */
class ParentAppsTest {
    private static final int SUB = OptionKind.SUBSCRIPTION.ordinal();
    private static final int FREE = OptionKind.FREE.ordinal();
    private static final int API = OptionKind.API.ordinal();
    /** The default world as it is (no {@code parentApps:} section). */
    private static final Scenario BEFORE = Fixtures.FOUR_LABS;
    /** The default world with the app giant's parent valuing its assistant from the start ($20 x 0.05 = $1 per user-month where willingness to pay is 1). */
    private static final Scenario ON = BEFORE.withParentApps(new ParentAppsSpec(Map.of("app-giant", new ParentAppsSpec.Lab(20, 0.05, null)), 0));

    @Test void offOrLeftOutIsTheRunWithoutItBitForBit() {
        String before = RunDigest.of(Fixtures.ENGINE.run(BEFORE));
        assertThat(BEFORE.parentApps()).as("the default world has no parentApps section").isNull();
        RunResult off = Fixtures.ENGINE.run(ON.with(MechanismSwitch.PARENT_APPS, false));
        assertThat(RunDigest.of(off)).isEqualTo(before);
        assertThat(off.series("app-giant", MetricNames.PARENT_APPS_REVENUE_USD)).isNull();
        assertThat(RunDigest.of(Fixtures.ENGINE.run(BEFORE.withParentApps(new ParentAppsSpec(Map.of(), 12))))).as("no lab listed").isEqualTo(before);
        RunResult on = Fixtures.ENGINE.run(ON);
        assertThat(on.series("app-giant", MetricNames.PARENT_APPS_REVENUE_USD)).isNotNull();
        assertThat(RunDigest.of(on)).isNotEqualTo(before);
    }

    /** A hand-computed month: $1 per user-month; 1,000 free and 500 subscribers in the West (willingness 1), 2,000 free in China (0.3); API users earn nothing. */
    @Test void valueIsRateTimesAssistantUsersTimesWillingnessToPay() {
        Scenario sc = ON.withParentApps(new ParentAppsSpec(Map.of("app-giant", new ParentAppsSpec.Lab(20, 0.05, null),
            "frontier-closed", new ParentAppsSpec.Lab(20, 0.05, "2026-02")), 0));
        World w = Fixtures.world(sc);
        int gWest = Fixtures.segmentIn(w, sc.regionIndex("west"));
        int gChina = Fixtures.segmentIn(w, sc.regionIndex("china"));
        int giant = sc.labIndex("app-giant");
        int frontier = sc.labIndex("frontier-closed");
        int open = sc.labIndex("open-challenger");
        for (int month : new int[] {0, 12, 13}) {
            MarketState s = Runs.start(w);
            s.month = month;
            Arrays.fill(s.segUsers, 0);
            Arrays.fill(s.revenue, 0);
            for (int lab : new int[] {giant, frontier, open}) {
                s.segUsers[(gWest * w.labs + lab) * OptionKind.COUNT + FREE] = 1000;
                s.segUsers[(gWest * w.labs + lab) * OptionKind.COUNT + SUB] = 500;
                s.segUsers[(gChina * w.labs + lab) * OptionKind.COUNT + FREE] = 2000;
                s.segUsers[(gWest * w.labs + lab) * OptionKind.COUNT + API] = 9000; // not assistant users
                s.revenue[lab] = 7;
            }
            double[] before = s.segRevenue.clone();
            new ParentApps().apply(w, s);
            double expected = 20 * 0.05 * (1500 * 1.0 + 2000 * 0.3);
            assertThat(s.parentAppsRevenue[giant]).isCloseTo(expected, within(1e-9));
            assertThat(s.revenue[giant]).isCloseTo(7 + expected, within(1e-9));
            assertThat(s.segRevenue[gWest * w.labs + giant] - before[gWest * w.labs + giant]).isCloseTo(1500, within(1e-9));
            assertThat(s.segRevenue[gChina * w.labs + giant] - before[gChina * w.labs + giant]).isCloseTo(600, within(1e-9));
            // The frontier lab's parent counts it from 2026-02, month 13 of a run from 2025-01.
            assertThat(s.parentAppsRevenue[frontier]).isEqualTo(month >= 13 ? s.parentAppsRevenue[giant] : 0);
            assertThat(s.parentAppsRevenue[open]).as("a lab without a parent").isZero();
            assertThat(s.revenue[open]).isEqualTo(7);
        }
    }

    /** With a ramp of 12 months a lab's first month earns 1/12, its 12th and later the full value; a start before the run is that far into its ramp. */
    @Test void valueRampsUpLinearlyFromTheStartMonth() {
        for (String start : new String[] {"2026-02", "2024-06"}) {
            Scenario sc = ON.withParentApps(new ParentAppsSpec(Map.of("frontier-closed", new ParentAppsSpec.Lab(20, 0.05, start)), 12));
            World w = Fixtures.world(sc);
            int g = Fixtures.segmentIn(w, sc.regionIndex("west"));
            int frontier = sc.labIndex("frontier-closed");
            int first = start.equals("2026-02") ? 13 : -7;
            for (int month = Math.max(0, first); month < first + 15; month++) {
                MarketState s = Runs.start(w);
                s.month = month;
                Arrays.fill(s.segUsers, 0);
                s.segUsers[(g * w.labs + frontier) * OptionKind.COUNT + FREE] = 1000;
                new ParentApps().apply(w, s);
                double share = Math.min(12, month - first + 1) / 12.0;
                assertThat(s.parentAppsRevenue[frontier]).as("start %s, month %d", start, month).isCloseTo(1000 * share, within(1e-9));
            }
        }
    }

    /** Over the default world's run: part of revenue, earned only by the listed lab; in month 0 (before it feeds back) it is added to the revenue of the run without it. */
    @Test void theValueIsPartOfRevenue() {
        RunResult on = Fixtures.ENGINE.run(ON);
        RunResult off = Fixtures.ENGINE.run(BEFORE);
        for (LabSummary l : on.labs()) {
            Series v = on.series(l.id(), MetricNames.PARENT_APPS_REVENUE_USD);
            Series revenue = on.series(l.id(), MetricNames.REVENUE_USD);
            for (int m = 0; m < v.months(); m++) {
                assertThat(v.at(m)).isLessThanOrEqualTo(revenue.at(m));
                if (!l.id().equals("app-giant")) assertThat(v.at(m)).as("%s month %d", l.id(), m).isZero();
            }
        }
        double added = on.series("app-giant", MetricNames.PARENT_APPS_REVENUE_USD).at(0);
        assertThat(added).isPositive();
        assertThat(on.series("app-giant", MetricNames.REVENUE_USD).at(0)).isEqualTo(off.series("app-giant", MetricNames.REVENUE_USD).at(0) + added);
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml() + "\nparentApps:\n  rampMonths: 12\n  labs:\n    app-giant: {parentUsdPerUserMonth: 20, engagementShare: 0.02, startMonth: \"2025-03\"}\n";
        assertThat(Scenarios.parse("x.yaml", yaml).parentApps().labs().get("app-giant").usdPerUserMonth()).isCloseTo(0.4, within(1e-12));
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("engagementShare: 0.02", "engagementShare: 1.5")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("engagementShare");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("parentUsdPerUserMonth: 20", "parentUsdPerUserMonth: -1")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("parentUsdPerUserMonth");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("\"2025-03\"", "\"2025-13\"")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("2025-13");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("rampMonths: 12", "rampMonths: -1")))
            .isInstanceOf(InputException.class).hasMessageContaining("rampMonths");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("    app-giant: {parentUsd", "    app-giantt: {parentUsd")))
            .isInstanceOf(InputException.class).hasMessageContaining("parentApps.labs").hasMessageContaining("app-giantt");
    }
}
