package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunResult;
import owsim.scenario.Scenario;

/**
 * The agent engine honours regions as the aggregate does: its users live in their segment's region
 * (segments are split before users are drawn), and nobody adopts, or learns of, a lab whose services
 * are not offered in their region, unless through its open weights.
 */
class AgentRegionsTest {
    private static final AgentEngine ENGINE = new AgentEngine(Catalog.bundled());

    private static double[] values(RunResult r, String entity, String metric) {
        assertThat(r.series(entity, metric)).as(entity + "/" + metric).isNotNull();
        return r.series(entity, metric).values();
    }

    @Test
    void nobodyInARegionUsesOrKnowsALabThatIsNotOfferedThere() {
        Scenario s = owsim.scenario.TestWorlds.fourLabs().withMonths(12);
        RunResult r = ENGINE.run(s, AgentOptions.of(30_000));
        assertThat(values(r, "market", "region.china.users.frontier-closed")).containsOnly(0.0);
        assertThat(values(r, "market", "region.china.revenueUsd.frontier-closed")).containsOnly(0.0);
        assertThat(values(r, "market", "region.west.users.app-giant")).containsOnly(0.0);
        assertThat(values(r, "market", "region.row.users.app-giant")).containsOnly(0.0);
        for (String seg : List.of("consumers.china", "developers.china", "students.china")) {
            assertThat(values(r, seg, "awareness.frontier-closed")).as(seg).containsOnly(0.0);
        }
        double[] chinaAppGiant = values(r, "market", "region.china.users.app-giant");
        assertThat(chinaAppGiant[11]).isGreaterThan(0);
        double[] westFrontier = values(r, "market", "region.west.users.frontier-closed");
        assertThat(westFrontier[11]).isGreaterThan(0);

        // Switched off, the same users do adopt across the line.
        RunResult off = ENGINE.run(s.withMechanisms(s.mechanisms().with("accessRules", false)), AgentOptions.of(30_000));
        assertThat(values(off, "market", "region.china.users.frontier-closed")[11]).isGreaterThan(0);
    }
}
