package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.AdvertisingSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Months;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism advertising: switched off the run is the one before it existed, bit for bit; a lab
 * that shows ads earns the rate times its free users times their region's willingness to pay, from
 * its start month; a lab that shows none earns none; bad values name the file, line and field.
 */
class AdvertisingTest {
    /** The default world with the training plans and list API prices of before (trainingBudget, apiPricing off), so off is the pinned run before ads. */
    private static final Scenario ON = Fixtures.FOUR_LABS.withMechanisms(Fixtures.FOUR_LABS.mechanisms().with(MechanismSwitch.TRAINING_BUDGET, false)
        .with(MechanismSwitch.API_PRICING, false));
    private static final Scenario OFF = ON.with(MechanismSwitch.ADVERTISING, false);
    /**
     * Every series of the default world's 60 months, as made by the code before advertising existed
     * (commit 95582da, the same digest as {@link RunDigest#of} computed over its run): advertising off must give it again.
     * Re-pinned when the serving engine's expert GEMM curve and the market's FP8 fleets changed every
     * price (the old digest held with the old serving code).
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_ADVERTISING = "f456b449a3c0e58ed266ddcae31551af060bc10a253fbf6d96d9071e4cf6dc87";
    /**
     * Re-pinned when enterprise was added (the default world's major players have an enterprise block): {@link #BEFORE_ADVERTISING} is the
     * run above with it; with enterprise off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_ADVERTISING_WITHOUT_ENTERPRISE = "48b60342a55e6ba59da8c4276d46834fd368dafc1b1bd87bfa83b6f7ce354d16";
    /**
     * Re-pinned when proPlans was added (the default world's frontier lab offers a $200 plan): {@link #BEFORE_ADVERTISING} is the
     * run above with it; with proPlans off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_ADVERTISING_WITHOUT_PRO_PLANS = "3b976153117fb1da87e80725959af3a9e93bd21489a8e9bb1b7466586adc4d2a";
    private static final int FREE = OptionKind.FREE.ordinal();

    @Test void offIsTheRunBeforeAdvertisingBitForBit() throws Exception {
        RunResult off = Fixtures.ENGINE.run(OFF);
        assertThat(RunDigest.of(off)).isEqualTo(BEFORE_ADVERTISING);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_ADVERTISING_WITHOUT_ENTERPRISE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.PRO_PLANS, false).with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_ADVERTISING_WITHOUT_PRO_PLANS);
        assertThat(off.series("app-giant", MetricNames.AD_REVENUE_USD)).isNull();
        // The switch on but no lab listed (a scenario without the section) is the same run.
        RunResult none = Fixtures.ENGINE.run(ON.withAdvertising(AdvertisingSpec.defaults()));
        assertThat(RunDigest.of(none)).isEqualTo(BEFORE_ADVERTISING);
        RunResult on = Fixtures.ENGINE.run(ON);
        assertThat(on.series("app-giant", MetricNames.AD_REVENUE_USD)).isNotNull();
        assertThat(RunDigest.of(on)).isNotEqualTo(BEFORE_ADVERTISING);
    }

    /** A hand-computed month: $10 x 0.5 per free user-month, 1,000 free users in the west (willingness 1) and 2,000 in China (0.3). */
    @Test void revenueIsRateTimesFreeUsersTimesWillingnessToPay() {
        Scenario sc = ON.withAdvertising(new AdvertisingSpec(10, 0.5, Map.of("app-giant", "2025-01", "frontier-closed", "2026-02")));
        World w = Fixtures.world(sc);
        int west = sc.regionIndex("west");
        int china = sc.regionIndex("china");
        int gWest = Fixtures.segmentIn(w, west);
        int gChina = Fixtures.segmentIn(w, china);
        int giant = sc.labIndex("app-giant");
        int frontier = sc.labIndex("frontier-closed");
        int open = sc.labIndex("open-challenger");
        for (int month : new int[] {0, 12, 13}) {
            MarketState s = Runs.start(w);
            s.month = month;
            Arrays.fill(s.segUsers, 0);
            Arrays.fill(s.revenue, 0);
            for (int lab : new int[] {giant, frontier, open}) {
                s.segUsers[(gWest * w.labs + lab) * 5 + FREE] = 1000;
                s.segUsers[(gChina * w.labs + lab) * 5 + FREE] = 2000;
                s.revenue[lab] = 7; // a subscription's revenue the ads add to
                // Paying users earn no ads.
                s.segUsers[(gWest * w.labs + lab) * 5 + OptionKind.SUBSCRIPTION.ordinal()] = 5000;
            }
            double[] before = s.segRevenue.clone();
            new Advertising().apply(w, s);
            assertThat(s.adRevenue[giant]).isCloseTo(10 * 0.5 * (1000 * 1.0 + 2000 * 0.3), within(1e-9));
            assertThat(s.revenue[giant]).isCloseTo(7 + 8000, within(1e-9));
            // The region's revenue holds what the lab earned there: 1,000 x $5 in the West.
            assertThat(s.segRevenue[gWest * w.labs + giant] - before[gWest * w.labs + giant]).isCloseTo(5000, within(1e-9));
            // The frontier lab shows ads from 2026-02, month 13 of a run from 2025-01.
            assertThat(s.adRevenue[frontier]).isEqualTo(month >= 13 ? s.adRevenue[giant] : 0);
            assertThat(s.adRevenue[open]).as("a lab that shows no ads").isZero();
            assertThat(s.revenue[open]).isEqualTo(7);
        }
    }

    /** With a ramp of 24 months a lab's first month of ads yields 1/24 of the full rate, its 24th and later the full rate. */
    @Test void adsRampUpLinearlyFromALabsFirstMonth() {
        Scenario sc = ON.withAdvertising(new AdvertisingSpec(10, 0.5, Map.of("frontier-closed", "2026-02"), 24));
        World w = Fixtures.world(sc);
        int g = Fixtures.segmentIn(w, sc.regionIndex("west"));
        int frontier = sc.labIndex("frontier-closed");
        double full = 10 * 0.5 * 1000;
        int first = 13;
        for (int[] monthAndShare : new int[][] {{first, 1}, {first + 11, 12}, {first + 23, 24}, {first + 40, 24}}) {
            MarketState s = Runs.start(w);
            s.month = monthAndShare[0];
            Arrays.fill(s.segUsers, 0);
            s.segUsers[(g * w.labs + frontier) * 5 + FREE] = 1000;
            new Advertising().apply(w, s);
            assertThat(s.adRevenue[frontier]).as("month %d", s.month).isCloseTo(full * monthAndShare[1] / 24.0, within(1e-9));
        }
        assertThatThrownBy(() -> new AdvertisingSpec(10, 0.5, Map.of(), -1)).hasMessageContaining("rampMonths");
    }


    /** Over the default world's run: ads are part of revenue, earned only by the labs that show them and only from their start month. */
    @Test void theDefaultWorldsAdsArePartOfRevenue() {
        RunResult on = Fixtures.ENGINE.run(ON);
        for (LabSummary l : on.labs()) {
            Series ads = on.series(l.id(), MetricNames.AD_REVENUE_USD);
            Series revenue = on.series(l.id(), MetricNames.REVENUE_USD);
            String start = ON.advertising().startMonth(l.id());
            int from = start == null ? Integer.MAX_VALUE : Months.index(ON.startMonth(), start);
            for (int m = 0; m < ads.months(); m++) {
                assertThat(ads.at(m)).isLessThanOrEqualTo(revenue.at(m));
                if (m < from) assertThat(ads.at(m)).as("%s month %d", l.id(), m).isZero();
            }
        }
        assertThat(on.series("app-giant", MetricNames.AD_REVENUE_USD).at(0)).isPositive();
        assertThat(on.series("frontier-closed", MetricNames.AD_REVENUE_USD).at(13)).isPositive();
        // With ads off the app giant's revenue is lower: the ads are added, not moved.
        RunResult off = Fixtures.ENGINE.run(OFF);
        assertThat(on.series("app-giant", MetricNames.REVENUE_USD).at(0)).isGreaterThan(off.series("app-giant", MetricNames.REVENUE_USD).at(0));
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("chatAdShare: 0.1 ", "chatAdShare: 1.5 ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("advertising.chatAdShare");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("usdPerUserMonth: 22.81", "usdPerUserMonth: -1")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("advertising.usdPerUserMonth");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("frontier-closed: \"2026-02\"", "frontier-closed: \"2026-13\"")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("advertising").hasMessageContaining("2026-13");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("    app-giant: \"2025-01\"", "    app-giantt: \"2025-01\"")))
            .isInstanceOf(InputException.class).hasMessageContaining("advertising.labs").hasMessageContaining("app-giantt");
        // Left out, the section is the documented defaults: no lab shows ads.
        assertThat(AdvertisingSpec.defaults().labs()).isEmpty();
    }
}
