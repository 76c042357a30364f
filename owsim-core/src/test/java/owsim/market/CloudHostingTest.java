package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.CloudHostingSpec;
import owsim.scenario.HostSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism cloudHosting: switched off, or the section left out or listing no lab, the run is the
 * one without it, bit for bit; a listed lab earns its host share times the hosts' serving spend on
 * its weights times its cloud's margin; with every open lab listed at share 1 and margin 1 the labs
 * earn exactly what the hosts spend; bad values name the file, line and field.
 */
class CloudHostingTest {
    private static final Scenario BEFORE = Fixtures.FOUR_LABS;
    private static final Scenario ON = BEFORE.withCloudHosting(new CloudHostingSpec(Map.of("open-challenger", new CloudHostingSpec.Lab(0.2, 0.4))));

    @Test void offOrLeftOutIsTheRunWithoutItBitForBit() {
        String before = RunDigest.of(Fixtures.ENGINE.run(BEFORE));
        assertThat(BEFORE.cloudHosting()).as("the default world has no cloudHosting section").isNull();
        RunResult off = Fixtures.ENGINE.run(ON.with(MechanismSwitch.CLOUD_HOSTING, false));
        assertThat(RunDigest.of(off)).isEqualTo(before);
        assertThat(off.series("open-challenger", MetricNames.CLOUD_HOSTING_REVENUE_USD)).isNull();
        assertThat(RunDigest.of(Fixtures.ENGINE.run(BEFORE.withCloudHosting(new CloudHostingSpec(Map.of()))))).as("no lab listed").isEqualTo(before);
        RunResult on = Fixtures.ENGINE.run(ON);
        assertThat(on.series("open-challenger", MetricNames.CLOUD_HOSTING_REVENUE_USD)).isNotNull();
        assertThat(RunDigest.of(on)).isNotEqualTo(before);
    }

    /** A hand-computed month: hosts spent $1,000 serving the challenger's weights in the West and $3,000 in China; 0.2 x 0.4 of it is the lab's. */
    @Test void revenueIsShareTimesHostSpendTimesMargin() {
        World w = Fixtures.world(ON);
        int gWest = Fixtures.segmentIn(w, ON.regionIndex("west"));
        int gChina = Fixtures.segmentIn(w, ON.regionIndex("china"));
        int challenger = ON.labIndex("open-challenger");
        int small = ON.labIndex("small-open");
        MarketState s = Runs.start(w);
        Arrays.fill(s.revenue, 0);
        for (int lab : new int[] {challenger, small}) {
            s.segHostedServing[gWest * w.labs + lab] = 1000;
            s.segHostedServing[gChina * w.labs + lab] = 3000;
            s.revenue[lab] = 7;
        }
        double[] before = s.segRevenue.clone();
        new CloudHosting().apply(w, s);
        assertThat(s.cloudHostingRevenue[challenger]).isCloseTo(0.2 * 0.4 * 4000, within(1e-9));
        assertThat(s.revenue[challenger]).isCloseTo(7 + 320, within(1e-9));
        assertThat(s.segRevenue[gChina * w.labs + challenger] - before[gChina * w.labs + challenger]).isCloseTo(240, within(1e-9));
        assertThat(s.cloudHostingRevenue[small]).as("a lab without a cloud").isZero();
        assertThat(s.revenue[small]).isEqualTo(7);
    }

    /**
     * Over a run, every open lab's cloud hosting everything at margin 1: each month the labs earn what the
     * hosts spent serving, to rounding; at share 0.2 and margin 0.4 one lab earns at most 0.08 of it.
     */
    @Test void theLabsEarnWhatTheHostsSpend() {
        Map<String, CloudHostingSpec.Lab> all = new LinkedHashMap<>();
        for (var l : BEFORE.labs()) all.put(l.id(), new CloudHostingSpec.Lab(1, 1));
        Scenario everything = BEFORE.withCloudHosting(new CloudHostingSpec(all)).with(MechanismSwitch.FINANCING, false);
        RunResult r = Fixtures.ENGINE.run(everything);
        RunResult part = Fixtures.ENGINE.run(ON);
        int months = r.series(MetricNames.MARKET, MetricNames.hostServingCost(BEFORE.hosts().get(0).id())).months();
        double total = 0;
        for (int m = 0; m < months; m++) {
            double spent = hostSpend(r, m);
            double earned = 0;
            for (var l : BEFORE.labs()) earned += r.series(l.id(), MetricNames.CLOUD_HOSTING_REVENUE_USD).at(m);
            assertThat(earned).as("month %d", m).isCloseTo(spent, within(1e-9 * spent + 1e-9));
            total += spent;
            assertThat(part.series("open-challenger", MetricNames.CLOUD_HOSTING_REVENUE_USD).at(m)).isLessThanOrEqualTo(0.08 * hostSpend(part, m) * (1 + 1e-12));
        }
        assertThat(total).as("the hosts serve open weights in the default world").isPositive();
    }

    private static double hostSpend(RunResult r, int m) {
        double spent = 0;
        for (HostSpec h : BEFORE.hosts()) spent += r.series(MetricNames.MARKET, MetricNames.hostServingCost(h.id())).at(m);
        return spent;
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml() + "\ncloudHosting:\n  labs:\n    open-challenger: {hostShare: 0.15, grossMargin: 0.3}\n";
        assertThat(Scenarios.parse("x.yaml", yaml).cloudHosting().labs().get("open-challenger").usdPerHostUsd()).isCloseTo(0.045, within(1e-12));
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("hostShare: 0.15", "hostShare: 1.5")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("hostShare");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("grossMargin: 0.3", "grossMargin: -0.1")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("grossMargin");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("    open-challenger: {host", "    open-challengerr: {host")))
            .isInstanceOf(InputException.class).hasMessageContaining("cloudHosting.labs").hasMessageContaining("open-challengerr");
    }
}
