package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static owsim.market.SameRuns.assertSameRun;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.scenario.RegionSpec;
import owsim.scenario.Scenario;

/**
 * Regions: each mechanism (the split into regions, access rules, export controls, regional
 * willingness to pay, regional channels) has a switch, and switching it off removes its effect:
 * the run equals, series for series and bit for bit, a run of the scenario with that mechanism's
 * input taken out; switched on, the run differs where the mechanism says it should.
 */
class RegionsTest {
    private static final Scenario DEFAULT = Fixtures.FOUR_LABS.withMonths(24);

    static RunResult run(Scenario s) { return Fixtures.ENGINE.run(s); }

    static Scenario off(Scenario s, String mechanism) { return s.withMechanisms(s.mechanisms().with(mechanism, false)); }

    /** The scenario as it was written before regions (no regions, access or export rules, no home regions). */
    static Scenario withoutRegions(Scenario s) { return owsim.scenario.Regions.strip(s); }

    static double[] values(RunResult r, String metric) {
        Series s = r.series("market", metric);
        assertThat(s).as(metric).isNotNull();
        return s.values();
    }

    static double total(double[] v) {
        double t = 0;
        for (double x : v) t += x;
        return t;
    }

    @Test
    void regionsOffIsOneGlobalRegionExactlyAsAScenarioWithoutThem() {
        RunResult off = run(off(DEFAULT, "regions"));
        assertSameRun(off, run(withoutRegions(DEFAULT)));
        assertThat(off.series().stream().noneMatch(s -> s.metric().startsWith("region."))).isTrue();
    }

    @Test
    void splittingIntoRegionsAloneChangesNothingButRounding() {
        // Regions on, every regional mechanism off and the regional awareness keys taken out: the
        // parts of a segment behave as the whole (population and influence shares add up). Not bit
        // for bit: word of mouth from the segment's other parts enters the month's Bass step as a
        // constant hazard, the own part's as growing with awareness within the month, so figures
        // move in the fifth digit (3.3e-5 of the app giant's revenue, 1.2e-6 of the frontier lab's,
        // measured); held to 1e-4, and payoffs (small differences of large flows) to 1e-4 of the
        // lab's revenue and costs.
        Scenario s = DEFAULT;
        for (String m : List.of("accessRules", "exportControls", "regionalPrices", "regionalChannels")) s = off(s, m);
        Scenario plain = withoutRegions(DEFAULT);
        s = plain.withRegions(DEFAULT.regions(), DEFAULT.access(), DEFAULT.exportControls()).withMechanisms(s.mechanisms());
        RunResult split = run(s);
        RunResult whole = run(plain);
        for (LabSummary l : whole.labs()) {
            LabSummary x = split.labs().get(whole.labs().indexOf(l));
            assertThat(x.revenueUsd()).as(l.id()).isCloseTo(l.revenueUsd(), org.assertj.core.data.Percentage.withPercentage(1e-2));
            assertThat(x.tokens()).as(l.id()).isCloseTo(l.tokens(), org.assertj.core.data.Percentage.withPercentage(1e-2));
            assertThat(x.payoff()).as(l.id()).isCloseTo(l.payoff(), org.assertj.core.data.Offset.offset(1e-4 * (l.revenueUsd() + l.servingCostUsd() + l.trainingSpendUsd())));
        }
        double[] users = values(split, "region.west.users");
        assertThat(users[users.length - 1]).isGreaterThan(0);
    }

    @Test
    void accessRulesKeepALabOutOfARegionUnlessItsWeightsAreOpen() {
        RunResult on = run(DEFAULT);
        assertThat(values(on, "region.china.users.frontier-closed")).containsOnly(0.0);
        assertThat(values(on, "region.china.revenueUsd.frontier-closed")).containsOnly(0.0);
        assertThat(values(on, "region.west.users.app-giant")).containsOnly(0.0);
        assertThat(values(on, "region.row.users.app-giant")).containsOnly(0.0);
        assertThat(on.series("consumers.china", "awareness.frontier-closed").values()).containsOnly(0.0);
        assertThat(total(values(on, "region.china.users.app-giant"))).isGreaterThan(0);

        RunResult off = run(off(DEFAULT, "accessRules"));
        assertThat(total(values(off, "region.china.users.frontier-closed"))).isGreaterThan(1e6);
        assertThat(total(values(off, "region.west.users.app-giant"))).isGreaterThan(1e6);
        assertSameRun(off, run(DEFAULT.withRegions(DEFAULT.regions(), List.of(), DEFAULT.exportControls())));

        // Open weights are usable anywhere: an open frontier lab is used in China through hosts
        // and self-hosting, never through its own (not offered) services.
        RunResult open = run(DEFAULT.withPolicy("frontier-closed", "open"));
        assertThat(total(values(open, "region.china.users.frontier-closed"))).isGreaterThan(0);
        assertThat(values(open, "region.china.revenueUsd.frontier-closed")).containsOnly(0.0);
        for (String seg : List.of("consumers.china", "developers.china", "hobbyists.china", "students.china")) {
            for (String kind : List.of("subscription", "free", "api")) {
                assertThat(open.series(seg, "users.frontier-closed." + kind).values()).as(seg + " " + kind).containsOnly(0.0);
            }
        }
    }

    @Test
    void exportControlsMoveAChineseLabToTheHardwareItMayBuy() {
        RunResult on = run(DEFAULT);
        double[] restricted = on.series("open-challenger", "restrictedHardware").values();
        assertThat(total(restricted)).isGreaterThan(0);
        assertThat(on.series("frontier-closed", "restrictedHardware").values()).containsOnly(0.0);
        RunResult off = run(off(DEFAULT, "exportControls"));
        assertThat(off.series("open-challenger", "restrictedHardware").values()).containsOnly(0.0);
        assertSameRun(off, run(DEFAULT.withRegions(DEFAULT.regions(), DEFAULT.access(), List.of())));
        assertThat(total(on.series("open-challenger", "servingCostUsd").values()))
            .isNotEqualTo(total(off.series("open-challenger", "servingCostUsd").values()));
    }

    @Test
    void regionalWillingnessToPayLowersWhatUsersOutsideTheWestPay() {
        RunResult on = run(DEFAULT);
        RunResult off = run(off(DEFAULT, "regionalPrices"));
        Scenario flat = DEFAULT;
        for (RegionSpec r : DEFAULT.regions()) flat = Fixtures.set(flat, "regions[" + r.id() + "].willingnessToPay", 1);
        assertSameRun(off, run(flat));
        // The frontier lab's paid plan loses subscribers in the rest of the world, where users pay less.
        assertThat(total(values(on, "region.row.revenueUsd.frontier-closed"))).isLessThan(total(values(off, "region.row.revenueUsd.frontier-closed")));
        assertThat(total(values(on, "region.west.revenueUsd.frontier-closed"))).isGreaterThan(0);
    }

    @Test
    void regionalChannelsReachOnlyTheHomeRegion() {
        // Without access rules the app giant can be known in the West; its app channel adds to its awareness there only when channels are global.
        Scenario open = off(DEFAULT, "accessRules");
        RunResult on = run(open);
        RunResult off = run(off(open, "regionalChannels"));
        double[] westOn = on.series("consumers.west", "awareness.app-giant").values();
        double[] westOff = off.series("consumers.west", "awareness.app-giant").values();
        assertThat(westOn[6]).isLessThan(westOff[6]);
        // In China the channel's whole reach falls on Chinese users, so it does more there than when spread worldwide.
        double[] chinaOn = on.series("consumers.china", "awareness.app-giant").values();
        double[] chinaOff = off.series("consumers.china", "awareness.app-giant").values();
        assertThat(chinaOn[6]).isGreaterThan(chinaOff[6]);
        World w = Fixtures.world(open);
        int lab = open.labIndex("app-giant");
        for (int g = 0; g < w.segments; g++) {
            boolean china = w.scenario.segments().get(g).region().equals("china");
            assertThat(w.regionTable.channelReaches(g, lab)).as(w.scenario.segments().get(g).id())
                .isEqualTo(china && w.scenario.segments().get(g).reachable());
        }
        // With access rules, a lab's apps promote it only where it is offered, whatever the channels' switch.
        World cut = Fixtures.world(off(DEFAULT, "regionalChannels"));
        for (int g = 0; g < cut.segments; g++) {
            if (!cut.scenario.segments().get(g).region().equals("china")) assertThat(cut.regionTable.channelReaches(g, lab)).isFalse();
        }
    }

    @Test
    void regionSeriesAddUpToTheLabsOwnFigures() {
        RunResult r = run(DEFAULT);
        int months = r.months();
        for (LabSummary l : r.labs()) {
            double[] revenue = r.series(l.id(), "revenueUsd").values();
            double[] harvest = r.series(l.id(), "harvestRevenueUsd").values();
            double[] users = r.series(l.id(), "users").values();
            for (int m = 0; m < months; m++) {
                double rev = 0;
                double u = 0;
                for (String region : List.of("west", "china", "row")) {
                    rev += values(r, "region." + region + ".revenueUsd." + l.id())[m];
                    u += values(r, "region." + region + ".users." + l.id())[m];
                }
                assertThat(rev).as(l.id() + " revenue month " + m).isCloseTo(revenue[m] - harvest[m], org.assertj.core.data.Offset.offset(1e-6 * revenue[m] + 1e-6));
                assertThat(u).as(l.id() + " users month " + m).isCloseTo(users[m], org.assertj.core.data.Offset.offset(1e-9 * users[m] + 1e-9));
            }
        }
    }
}
