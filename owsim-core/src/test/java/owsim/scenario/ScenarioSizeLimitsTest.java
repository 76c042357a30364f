package owsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import owsim.io.InputException;

/** The agent engine's size limits are scenario rules: a scenario that checks runs on either engine. */
class ScenarioSizeLimitsTest {
    /** The four-lab world without its regions, its first segment copied until there are {@code n} segments. */
    static String withSegments(int n) {
        return withSegments(RegionsScenarioTest.withoutRegions(TestWorlds.fourLabsYaml()), n);
    }

    /** The scenario text with its first segment copied until there are {@code n} segments. */
    static String withSegments(String text, int n) {
        int start = text.indexOf("  - id: consumers");
        int end = text.indexOf("  - id: developers");
        String consumers = text.substring(start, end);
        StringBuilder more = new StringBuilder();
        for (int i = TestWorlds.fourLabs().segments().size(); i < n; i++) more.append(consumers.replace("id: consumers", "id: copy" + i));
        return text.substring(0, end) + more + text.substring(end);
    }

    /** The default scenario with its labs copied in turn (ids suffixed) until there are {@code n}. */
    static String withLabs(int n) {
        String text = Scenarios.defaultYaml();
        int start = text.indexOf("\nlabs:\n") + "\nlabs:\n".length();
        int end = text.indexOf("\nsegments:\n");
        String[] blocks = text.substring(start, end).split("\n(?=  - id: )");
        StringBuilder labs = new StringBuilder();
        for (int k = 0; k < n; k++) {
            String block = blocks[k % blocks.length].stripTrailing();
            if (k >= blocks.length) block = block.replaceFirst("- id: (\\S+)", "- id: $1-" + k);
            labs.append(block).append("\n\n");
        }
        return text.substring(0, start) + labs + text.substring(end + 1);
    }

    @Test
    void thirtyOneLabsAreAcceptedAndThirtyTwoRefused() {
        assertThat(Scenarios.parse("s.yaml", withLabs(Scenario.MAX_LABS)).labs()).hasSize(31);
        assertThatThrownBy(() -> Scenarios.parse("s.yaml", withLabs(32)))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs: at most 31 labs (the agent engine's limit), was 32");
    }

    @Test
    void theLimitItselfIsAccepted() {
        assertThat(Scenarios.parse("s.yaml", withSegments(Scenario.MAX_SEGMENTS)).segments()).hasSize(Scenario.MAX_SEGMENTS);
    }

    @Test
    void moreSegmentsThanTheAgentEngineTakesAreRefusedAtTheSegmentsLine() {
        String text = withSegments(1000);
        int line = text.substring(0, text.indexOf("\nsegments:")).split("\n", -1).length + 1;
        assertThatThrownBy(() -> Scenarios.parse("s.yaml", text))
            .isInstanceOf(InputException.class)
            .hasMessage("s.yaml:" + line + ":1: segments: at most 127 segments (the agent engine's limit), was 1000");
    }

    @Test
    void moreVramEntriesThanTheAgentEngineTakesAreRefused() {
        StringBuilder vram = new StringBuilder("[");
        for (int i = 0; i <= SegmentSpec.MAX_VRAM_ENTRIES; i++) vram.append(i == 0 ? "" : ", ").append("{vramGB: ").append(i + 1).append(", share: 0.001}");
        String text = Scenarios.defaultYaml().replaceFirst("    reachable: true\n", "    reachable: true\n    cardHardware: rtx-4090\n    vram: " + vram + "]\n");
        assertThatThrownBy(() -> Scenarios.parse("s.yaml", text))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("vram: at most 35 entries (the agent engine's limit), was 36");
    }
}
