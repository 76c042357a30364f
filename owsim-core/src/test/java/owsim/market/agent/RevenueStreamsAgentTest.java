package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.scenario.CloudHostingSpec;
import owsim.scenario.HostSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.ParentAppsSpec;
import owsim.scenario.Scenario;
import owsim.scenario.SegmentSpec;

/**
 * Mechanisms {@code parentApps} and {@code cloudHosting} in the agent engine, which applies the same
 * lab-level steps after its users: switched off, or the sections left out, the agent run is the one
 * before, bit for bit; on, a parent's value is its rate times the lab's drawn subscription and free
 * users each month, and labs whose cloud hosts everything at margin 1 earn what the hosts spent.
 */
class RevenueStreamsAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);
    private static final Scenario BEFORE = TestScenarios.FOUR_LABS.withMonths(6);
    /** $2 x 0.5 = $1 per assistant user-month (one region: willingness to pay 1), full from the start. */
    private static final Scenario ON = BEFORE.withParentApps(new ParentAppsSpec(Map.of("app-giant", new ParentAppsSpec.Lab(2, 0.5, null)), 0))
        .withCloudHosting(new CloudHostingSpec(everyLab(BEFORE)));

    private static Map<String, CloudHostingSpec.Lab> everyLab(Scenario s) {
        Map<String, CloudHostingSpec.Lab> all = new LinkedHashMap<>();
        for (LabSpec l : s.labs()) all.put(l.id(), new CloudHostingSpec.Lab(1, 1));
        return all;
    }

    @Test void offOrLeftOutIsTheAgentRunBefore() {
        String before = RunDigest.of(new AgentEngine(CATALOG).run(BEFORE, OPTIONS));
        Scenario off = ON.with(MechanismSwitch.PARENT_APPS, false).with(MechanismSwitch.CLOUD_HOSTING, false);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(off, OPTIONS))).isEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(ON, OPTIONS))).isNotEqualTo(before);
    }

    @Test void theStreamsAreWhatTheDrawnUsersAndHostsGive() {
        RunResult r = new AgentEngine(CATALOG).run(ON, OPTIONS);
        double hosts = 0;
        for (int m = 0; m < 6; m++) {
            double users = 0;
            for (SegmentSpec g : ON.segments()) {
                for (OptionKind k : new OptionKind[] {OptionKind.SUBSCRIPTION, OptionKind.FREE}) {
                    var x = r.series(g.id(), MetricNames.users("app-giant", k));
                    if (x != null) users += x.at(m);
                }
            }
            assertThat(users).as("the app giant's assistant users, month %d", m).isPositive();
            assertThat(r.series("app-giant", MetricNames.PARENT_APPS_REVENUE_USD).at(m)).isCloseTo(users, within(1e-9 * users));
            assertThat(r.series("frontier-closed", MetricNames.PARENT_APPS_REVENUE_USD).at(m)).isZero();
            double spent = 0;
            for (HostSpec h : ON.hosts()) spent += r.series(MetricNames.MARKET, MetricNames.hostServingCost(h.id())).at(m);
            double earned = 0;
            for (LabSpec l : ON.labs()) earned += r.series(l.id(), MetricNames.CLOUD_HOSTING_REVENUE_USD).at(m);
            assertThat(earned).as("month %d", m).isCloseTo(spent, within(1e-9 * spent + 1e-9));
            hosts += spent;
        }
        assertThat(hosts).as("the hosts serve open weights").isPositive();
    }
}
