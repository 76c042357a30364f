package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunDigest;
import owsim.scenario.LabSpec;
import owsim.scenario.NetworkSpec;
import owsim.scenario.Scenario;

/**
 * Network runs beyond four labs, bit for bit: the digests were made with the kernel that counted
 * every user's neighbour list each month when there were more than four labs, and the kernel now
 * keeps the counts between months (8-bit lanes, one word at eight labs, three at twenty); they
 * were re-made when replacement and reconsidering came to share one 64-bit draw a user. 60,000
 * users: enough that the month tables its word-of-mouth probabilities (5 segments x labs x 528
 * entries), and a Barabási–Albert network (m = 5) has hubs of 256 neighbours or more, which count
 * their lists. One thread pushes with plain adds, two with atomic ones: the same bytes.
 */
class ManyLabsNetworkTest {
    private static final AgentEngine ENGINE = new AgentEngine(Catalog.bundled());
    private static final NetworkSpec BA = new NetworkSpec(NetworkSpec.Kind.BARABASI_ALBERT, null, null, 5);
    private static final int USERS = 60_000;

    /** The twenty-lab world, 12 months, without financing (as its pinned network run). */
    private static Scenario twentyLabs() {
        return TestScenarios.withoutFinancing(TwentyLabsAgentTest.twentyLabs()).withNetwork(BA);
    }

    /** Eight of the twenty labs: the first two copies of each of the four kinds. */
    private static Scenario eightLabs() {
        Scenario s = twentyLabs();
        List<LabSpec> labs = new ArrayList<>();
        for (int k = 0; k < s.labs().size(); k++) if (k % 5 < 2) labs.add(s.labs().get(k));
        return s.withLabs(labs);
    }

    @Test
    void eightLabsKeepTheirBytesOnOneAndTwoThreads() {
        Scenario s = eightLabs();
        assertThat(s.labs()).hasSize(8);
        String pinned = "e3f2c7b6f6d60c8b69d4d5848fe68f6ff4a08d9ad9994e1035290e324b282ad4";
        assertThat(RunDigest.of(ENGINE.run(s, new AgentOptions(USERS, 2, null, null)))).isEqualTo(pinned);
        assertThat(RunDigest.of(ENGINE.run(s, new AgentOptions(USERS, 1, null, null)))).isEqualTo(pinned);
    }

    @Test
    void twentyLabsKeepTheirBytesOnOneAndTwoThreads() {
        Scenario s = twentyLabs();
        String pinned = "80de3f56675dddf139d723db6ad80f53c47f1315f194269f368d1e6cb34cf8e1";
        assertThat(RunDigest.of(ENGINE.run(s, new AgentOptions(USERS, 2, null, null)))).isEqualTo(pinned);
        assertThat(RunDigest.of(ENGINE.run(s, new AgentOptions(USERS, 1, null, null)))).isEqualTo(pinned);
    }
}
