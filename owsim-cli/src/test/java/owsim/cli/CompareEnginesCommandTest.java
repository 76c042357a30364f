package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CompareEnginesCommandTest {
    @Test void printsEveryFigureWithItsIntervalAsATableAndAsJson() throws Exception {
        Cli table = Cli.run("compare-engines", "default", "--users", "4000", "--replications", "3", "--months", "6", "--threads", "2");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("the aggregate run against 3 agent runs of 4,000 users (seeds 1 to 3)")
            .contains("frontier-closed payoff").contains("market openWeightTokenShare").contains("figures bracketed");
        Cli json = Cli.run("compare-engines", "--users", "4000", "--replications", "3", "--months", "6", "--threads", "1", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("command").asText()).isEqualTo("compare-engines");
        assertThat(j.get("replications").asInt()).isEqualTo(3);
        JsonNode figures = j.get("figures");
        assertThat(figures.size()).as("ten figures for each of the default's eight labs, three for the market").isEqualTo(8 * 10 + 3);
        int bracketed = 0;
        for (JsonNode f : figures) {
            assertThat(f.get("ciLow").asDouble()).isLessThanOrEqualTo(f.get("agentMean").asDouble());
            assertThat(f.get("ciHigh").asDouble()).isGreaterThanOrEqualTo(f.get("agentMean").asDouble());
            if (f.get("bracketed").asBoolean()) bracketed++;
        }
        assertThat(j.get("bracketed").asInt()).isEqualTo(bracketed);
        // Two threads or one: the same figures.
        Cli again = Cli.run("compare-engines", "--users", "4000", "--replications", "3", "--months", "6", "--threads", "2", "--format", "json");
        assertThat(again.out()).isEqualTo(json.out());
    }

    @Test void badOptionsNameTheOption() {
        Cli one = Cli.run("compare-engines", "--replications", "1");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("--replications").contains("from 2 to");
        Cli none = Cli.run("compare-engines", "--users", "0");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--users").contains(">= 1");
        Cli threads = Cli.run("compare-engines", "--threads", "0", "--replications", "2");
        assertThat(threads.exit()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads");
        Cli set = Cli.run("compare-engines", "--set", "technology.spilloverPerMonthh=0.1", "--replications", "2");
        assertThat(set.exit()).isEqualTo(2);
        assertThat(set.err()).contains("spilloverPerMonthh");
    }
}
