package owsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import owsim.io.InputException;

class NetworkSpecTest {
    private static Scenario withNetwork(String yaml) {
        String base = Scenarios.defaultYaml();
        int at = base.indexOf("\nnetwork:");
        return Scenarios.parse("net.yaml", base.substring(0, at) + "\nnetwork:\n" + yaml);
    }

    @Test
    void defaultIsFullyMixedAndEveryKindParses() {
        assertThat(Scenarios.defaultScenario().network().kind()).isEqualTo(NetworkSpec.Kind.FULLY_MIXED);
        assertThat(withNetwork("  kind: erdos-renyi\n  meanDegree: 12\n").network().meanDegree()).isEqualTo(12.0);
        NetworkSpec ws = withNetwork("  kind: watts-strogatz\n  meanDegree: 10\n  rewiring: 0.1\n").network();
        assertThat(ws.kind()).isEqualTo(NetworkSpec.Kind.WATTS_STROGATZ);
        assertThat(ws.rewiring()).isEqualTo(0.1);
        assertThat(withNetwork("  kind: barabasi-albert\n  edgesPerNode: 5\n").network().edgesPerNode()).isEqualTo(5);
        assertThat(withNetwork("  kind: fully-mixed\n").network()).isEqualTo(NetworkSpec.fullyMixed());
    }

    @Test
    void errorsNameTheFieldAndWhatIsAllowed() {
        assertThatThrownBy(() -> withNetwork("  kind: small-world\n")).isInstanceOf(InputException.class)
            .hasMessageContaining("network.kind").hasMessageContaining("fully-mixed, erdos-renyi, watts-strogatz, barabasi-albert");
        assertThatThrownBy(() -> withNetwork("  kind: erdos-renyi\n")).hasMessageContaining("network.meanDegree").hasMessageContaining("required");
        assertThatThrownBy(() -> withNetwork("  kind: watts-strogatz\n  meanDegree: 7\n  rewiring: 0.1\n"))
            .hasMessageContaining("network.meanDegree").hasMessageContaining("even");
        assertThatThrownBy(() -> withNetwork("  kind: watts-strogatz\n  meanDegree: 8\n  rewiring: 1.5\n"))
            .hasMessageContaining("network.rewiring").hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> withNetwork("  kind: barabasi-albert\n  edgesPerNode: 0\n")).hasMessageContaining("network.edgesPerNode");
        assertThatThrownBy(() -> withNetwork("  kind: fully-mixed\n  meanDegree: 4\n"))
            .hasMessageContaining("network.meanDegree").hasMessageContaining("not used by a fully-mixed network");
        assertThatThrownBy(() -> withNetwork("  kind: erdos-renyi\n  meanDegre: 4\n")).hasMessageContaining("did you mean 'meanDegree'");
    }
}
