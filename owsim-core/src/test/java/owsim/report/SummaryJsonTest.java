package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.market.LabSummary;
import owsim.market.MarketSummary;
import owsim.market.RunResult;

class SummaryJsonTest {

    @Test
    void hasTheContractFields() throws IOException {
        JsonNode root = new ObjectMapper().readTree(RunFiles.json(SyntheticRuns.run(12), "1.2.3"));
        assertThat(root.get("scenario").asText()).isEqualTo("synthetic & <test>");
        assertThat(root.get("seed").asLong()).isEqualTo(42);
        assertThat(root.get("months").asInt()).isEqualTo(12);
        assertThat(root.get("engine").asText()).isEqualTo("aggregate");
        assertThat(root.get("owsimVersion").asText()).isEqualTo("1.2.3");
        assertThat(root.get("startMonth").asText()).isEqualTo("2024-11");
        assertThat(root.get("endMonth").asText()).isEqualTo("2025-10");
        JsonNode labs = root.get("labs");
        assertThat(labs).hasSize(3);
        for (JsonNode lab : labs) {
            for (String f : List.of("id", "policy", "usersByOption", "users", "tokens", "revenueUsd", "servingCostUsd",
                "distillationBurdenUsd", "trainingSpendUsd", "capability", "researchers", "cashUsd", "payoff")) {
                assertThat(lab.has(f)).as(f).isTrue();
            }
        }
        JsonNode first = labs.get(0);
        assertThat(first.get("id").asText()).isEqualTo("closedai");
        assertThat(first.get("revenueUsd").asDouble()).isEqualTo(4.1e7 * 12);
        assertThat(first.get("payoff").asDouble()).isEqualTo(-3.4e8);
        List<String> options = new ArrayList<>();
        first.get("usersByOption").fieldNames().forEachRemaining(options::add);
        assertThat(options).containsExactly("subscription", "free", "api");
        assertThat(first.get("users").asDouble()).isEqualTo((2e5 + 7e5 + 1e5) * 12);
        JsonNode market = root.get("market");
        assertThat(market.get("openWeightTokenShare").asDouble()).isEqualTo(0.317);
        assertThat(market.get("openModelLagMonths").asDouble()).isEqualTo(7.5);
        assertThat(market.get("consumerSurplusUsd").asDouble()).isEqualTo(3.3e10);
    }

    @Test
    void numbersThatDoNotExistAreNull() throws IOException {
        RunResult base = SyntheticRuns.run(2);
        LabSummary l = base.labs().get(0);
        RunResult run = new RunResult(base.scenarioName(), base.startMonth(), 2, 1, "aggregate", base.series(),
            List.of(new LabSummary(l.id(), l.policy(), Map.of(), 0, 0, 0, 0, 0, Double.NaN, 0, 0, 0)),
            new MarketSummary(0, Double.POSITIVE_INFINITY, 0));
        JsonNode root = new ObjectMapper().readTree(RunFiles.json(run, "dev"));
        assertThat(root.get("labs").get(0).get("capability").isNull()).isTrue();
        assertThat(root.get("market").get("openModelLagMonths").isNull()).isTrue();
    }

    @Test
    void sameRunSameBytesWithUnixLineEnds() throws IOException {
        byte[] a = RunFiles.json(SyntheticRuns.run(12), "dev");
        byte[] b = RunFiles.json(SyntheticRuns.run(12), "dev");
        assertThat(a).isEqualTo(b);
        String text = new String(a, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").endsWith("}\n").contains("\"seed\": 42");
    }
}
