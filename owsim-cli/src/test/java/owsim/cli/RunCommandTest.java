package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

class RunCommandTest {
    @TempDir static Path tmp;
    static Cli json;
    static Path jsonOut;

    /** One 12-month run of the default world shared by the tests that read its outputs. */
    @BeforeAll
    static void runDefaultForAYear() {
        jsonOut = tmp.resolve("json");
        json = Cli.run("run", "default", "--months", "12", "--seed", "7", "--out", jsonOut.toString(), "--format", "json");
    }

    @Test
    void jsonFormatPrintsSummaryJsonWithTheContractFields() throws IOException {
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        Scenario def = Scenarios.defaultScenario();
        assertThat(root.get("scenario").asText()).isEqualTo(def.name());
        assertThat(root.get("months").asInt()).isEqualTo(12);
        assertThat(root.get("seed").asLong()).isEqualTo(7);
        assertThat(root.get("engine").asText()).isEqualTo("aggregate");
        assertThat(root.get("owsimVersion").asText()).isNotBlank();
        assertThat(root.get("labs")).hasSize(def.labs().size());
        for (int i = 0; i < def.labs().size(); i++) {
            JsonNode lab = root.get("labs").get(i);
            assertThat(lab.get("id").asText()).isEqualTo(def.labs().get(i).id());
            for (String f : List.of("policy", "usersByOption", "tokens", "revenueUsd", "servingCostUsd", "distillationBurdenUsd",
                "trainingSpendUsd", "capability", "researchers", "cashUsd", "payoff")) {
                assertThat(lab.has(f)).as(f).isTrue();
            }
        }
        for (String f : List.of("openWeightTokenShare", "openModelLagMonths", "consumerSurplusUsd")) {
            assertThat(root.get("market").has(f)).as(f).isTrue();
        }
        // stdout is exactly the file; where the files went goes to stderr so stdout stays parseable.
        assertThat(json.out()).isEqualTo(Files.readString(jsonOut.resolve("summary.json")));
        assertThat(json.err()).contains("Wrote timeseries.csv, summary.json and report.html to " + jsonOut.toAbsolutePath());
    }

    @Test
    void timeseriesHasOneRowPerMonthAndSeries() throws IOException {
        List<String> lines = Files.readAllLines(jsonOut.resolve("timeseries.csv"));
        assertThat(lines.get(0)).isEqualTo("month,entity,metric,unit,value");
        Set<String> series = new HashSet<>();
        Set<String> months = new HashSet<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            assertThat(f).hasSize(5);
            months.add(f[0]);
            series.add(f[1] + "/" + f[2]);
            Double.parseDouble(f[4]);
        }
        assertThat(months).hasSize(12);
        assertThat(lines).hasSize(1 + 12 * series.size());
        Scenario def = Scenarios.defaultScenario();
        for (var lab : def.labs()) {
            for (String metric : List.of("capability", "users", "revenueUsd", "servingCostUsd", "cashUsd")) {
                assertThat(series).contains(lab.id() + "/" + metric);
            }
        }
        assertThat(series).contains("market/openWeightTokenShare", "market/openModelLagMonths",
            "market/bestOpenCapability", "market/bestClosedCapability");
    }

    @Test
    void reportIsOneOfflinePageWithChartsAndLabIds() throws IOException {
        String html = Files.readString(jsonOut.resolve("report.html"));
        assertThat(html.toLowerCase()).doesNotContain("http").doesNotContain("src=").doesNotContain("<script");
        assertThat(html.split("<svg", -1)).hasSize(7);
        assertThat(html).doesNotContain("no data in this run");
        for (var lab : Scenarios.defaultScenario().labs()) assertThat(html).contains(lab.id());
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws IOException {
        Path again = tmp.resolve("again");
        Cli second = Cli.run("run", "--months", "12", "--seed", "7", "--out", again.toString(), "--format", "json");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(json.out());
        for (String f : List.of("timeseries.csv", "summary.json", "report.html")) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(jsonOut.resolve(f)));
        }
    }

    @Test
    void tableFormatShowsLabsMarketAndWhereFilesWent() {
        Path out = tmp.resolve("table");
        Cli r = Cli.run("run", "--months", "3", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Labs (").contains("revenue").contains("serving cost").contains("payoff")
            .contains("Market").contains("open-weight share of tokens").contains("$")
            .contains("Wrote timeseries.csv, summary.json and report.html to " + out.toAbsolutePath());
        assertThat(Files.exists(out.resolve("report.html"))).isTrue();
    }

    @Test
    void badMonthsAndSeedNameTheOption() {
        for (String[] args : List.of(new String[] {"--months", "0"}, new String[] {"--months", "601"},
            new String[] {"--months", "ten"}, new String[] {"--seed", "x1"})) {
            Cli r = Cli.run("run", args[0], args[1], "--out", tmp.resolve("bad").toString());
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains(args[0]);
        }
        assertThat(Files.exists(tmp.resolve("bad"))).isFalse();
    }

    @Test
    void agentEngineRunsWithTheSameSeriesAndIsThreadIndependent() throws IOException {
        Path one = tmp.resolve("agent1");
        Path two = tmp.resolve("agent2");
        Cli a = Cli.run("run", "--engine", "agent", "--users", "30000", "--threads", "1", "--months", "6", "--seed", "3",
            "--out", one.toString(), "--format", "json");
        Cli b = Cli.run("run", "--engine", "agent", "--users", "30000", "--threads", "2", "--months", "6", "--seed", "3",
            "--out", two.toString(), "--format", "json");
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(new ObjectMapper().readTree(a.out()).get("engine").asText()).isEqualTo("agent");
        assertThat(Files.readString(one.resolve("timeseries.csv"))).isEqualTo(Files.readString(two.resolve("timeseries.csv")));
        String header = Files.readString(jsonOut.resolve("timeseries.csv")).lines().findFirst().orElseThrow();
        assertThat(Files.readString(one.resolve("timeseries.csv")).lines().findFirst().orElseThrow()).isEqualTo(header);
    }

    @Test
    void unknownEnginesAndAgentOptionsOutOfPlaceAreRefused() {
        Cli users = Cli.run("run", "--users", "1000");
        assertThat(users.exit()).isEqualTo(2);
        assertThat(users.err()).contains("--users").contains("--engine agent");
        Cli zero = Cli.run("run", "--engine", "agent", "--users", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--users").contains(">= 1");
        Cli threads = Cli.run("run", "--engine", "agent", "--threads", "0");
        assertThat(threads.exit()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads");
        Cli other = Cli.run("run", "--engine", "magic");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("--engine").contains("aggregate").contains("agent");
        Cli format = Cli.run("run", "--format", "xml");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--format").contains("table").contains("json");
    }

    @Test
    void anUnwritableOutIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Cli r = Cli.run("run", "--months", "2", "--out", file.resolve("sub").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--out").contains("cannot write to");
    }

    @Test
    void aMissingScenarioFileIsAClearError() {
        Cli r = Cli.run("run", tmp.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.yaml");
    }

    @Test
    void anEmptyOutIsRefusedRatherThanTheCurrentDirectory() {
        Cli r = Cli.run("run", "--months", "2", "--out=");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("owsim: --out: is empty; name a directory (default: owsim-out)" + System.lineSeparator());
    }

    @Test
    void aDanglingLinkAsOutIsNamedAsOne() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        Cli r = Cli.run("run", "--months", "2", "--out", link.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--out: cannot write to '" + link + "': '" + link.toAbsolutePath()
            + "' is a symbolic link to '" + tmp.resolve("nowhere") + "', which does not exist");
    }

    @Test
    void aReportThatIsADirectoryChangesNothing() throws IOException {
        Path out = tmp.resolve("blocked");
        assertThat(Cli.run("run", "--months", "2", "--out", out.toString()).exit()).isZero();
        byte[] csv = Files.readAllBytes(out.resolve("timeseries.csv"));
        byte[] json = Files.readAllBytes(out.resolve("summary.json"));
        Files.delete(out.resolve("report.html"));
        Files.createDirectory(out.resolve("report.html"));
        Cli r = Cli.run("run", "--months", "3", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("report.html' is a directory");
        assertThat(Files.readAllBytes(out.resolve("timeseries.csv"))).isEqualTo(csv);
        assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(json);
    }

    @Test
    void agentUsersBeyondTheHeapAreRefusedNamingTheOption() {
        // 2e9 users need about 41 GiB: more than a test JVM's heap.
        Cli r = Cli.run("run", "--engine", "agent", "--users", "2000000000", "--months", "2", "--out", tmp.resolve("users").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("owsim: --users: 2,000,000,000 users need about 41.0 GiB of heap (22 bytes per user), but this Java has about ")
            .contains("the limit here is").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        Cli e = Cli.run("equilibrium", "--engine", "agent", "--users", "2000000000", "--labs", "open-challenger,frontier-closed");
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.err()).startsWith("owsim: --users: 2,000,000,000 users need about 41.0 GiB");
    }
}
