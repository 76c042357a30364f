package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        // stdout is the file's content in the envelope every command's JSON has (the file itself
        // stays as it was); where the files went goes to stderr so stdout stays parseable.
        assertThat(root.get("owsim").asText()).isEqualTo(root.get("owsimVersion").asText());
        assertThat(root.get("command").asText()).isEqualTo("run");
        ObjectNode withoutEnvelope = ((ObjectNode) root.deepCopy());
        withoutEnvelope.remove(List.of("owsim", "command"));
        assertThat(withoutEnvelope).isEqualTo(new ObjectMapper().readTree(Files.readString(jsonOut.resolve("summary.json"))));
        assertThat(Files.readString(jsonOut.resolve("summary.json"))).startsWith("{").doesNotContain("\"command\"");
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
    void theDefaultWorldListsEachLabsReleasePolicyChangesWithTheirMonths() {
        Cli r = Cli.run("run", "--months", "9", "--out", tmp.resolve("release").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // The US open lab is near the closed frontier and known to half the western consumers by its second decision (month 6): it closes.
        assertThat(r.out()).contains("\nRelease policies (").contains("\n  us-open: open on release at the start, 2025-07 closed\n");
        Cli off = Cli.run("run", "--months", "9", "--set", "mechanisms.releaseDecisions=false", "--out", tmp.resolve("release-off").toString());
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.out()).doesNotContain("Release policies");
    }

    @Test
    void tableFormatShowsLabsMarketAndWhereFilesWent() {
        Path out = tmp.resolve("table");
        Cli r = Cli.run("run", "--months", "3", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Labs (").contains("revenue").contains("serving cost").contains("payoff")
            .contains("Market").contains("open-weight share of tokens").contains("$").doesNotContain("Wrote");
        // The default world has regions and labs that decide: per-region figures and the decisions they took.
        assertThat(r.out()).contains("\nRegions (").contains("\n  region ").contains("\n  users: us-open ").contains("\n  revenue: china-cloud-open ")
            .contains("\nFinancing (").contains("\nTraining budgets (").contains("\nAPI prices (").contains("\nResearcher pay offers (");
        for (var lab : Scenarios.defaultScenario().labs()) assertThat(r.out()).contains("\n  " + lab.id() + ": ");
        // Where the files went is status: standard error, like every command's.
        assertThat(r.err()).contains("Wrote timeseries.csv, summary.json and report.html to " + out.toAbsolutePath());
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
    void setRerunsOneDesignPointOfASweepExactly() throws Exception {
        Path exp = Files.writeString(tmp.resolve("point.yaml"), """
            name: point
            months: 6
            rootSeed: 11
            replications: 1
            design: {kind: grid, levels: 2}
            parameters:
              - path: labs[open-challenger].researchers
                min: 150
                max: 450
              - path: technology.spilloverPerMonth
                min: 0.02
                max: 0.1
            metrics:
              - labs[open-challenger].revenueUsd
              - market.openWeightTokenShare
            """);
        Path db = tmp.resolve("point.duckdb");
        assertThat(Cli.run("sweep", exp.toString(), "--out", db.toString(), "--threads", "1").exit()).isZero();
        // Design point 3 (both parameters high), with its seed as the results store holds it.
        double researchers;
        double spillover;
        long seed;
        double revenue;
        double share;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT \"in:labs[open-challenger].researchers\", \"in:technology.spilloverPerMonth\", seed,"
                 + " \"out:labs[open-challenger].revenueUsd\", \"out:market.openWeightTokenShare\" FROM runs WHERE run_id = 3")) {
            rs.next();
            researchers = rs.getDouble(1);
            spillover = rs.getDouble(2);
            seed = rs.getLong(3);
            revenue = rs.getDouble(4);
            share = rs.getDouble(5);
        }
        Cli r = Cli.run("run", "--set", "labs[open-challenger].researchers=" + researchers, "--set", "technology.spilloverPerMonth=" + spillover,
            "--seed", Long.toString(seed), "--months", "6", "--out", tmp.resolve("point-run").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode lab = null;
        for (JsonNode l : root.get("labs")) if (l.get("id").asText().equals("open-challenger")) lab = l;
        assertThat(lab.get("researchers").asDouble()).isPositive();
        assertThat(lab.get("revenueUsd").asDouble()).isEqualTo(revenue);
        assertThat(root.get("market").get("openWeightTokenShare").asDouble()).isEqualTo(share);
        // And the default point differs, so the assignments did something.
        assertThat(json.out()).isNotEqualTo(r.out());
    }

    @Test
    void setTakesTextAndBooleansAndLaterAssignmentsWin() throws Exception {
        // The default world lists the frontier lab in releaseDecisions; a policy set holds for the run, out of that section.
        Cli r = Cli.run("run", "--set", "labs[frontier-closed].policy=open-delayed(6)", "--set", "mechanisms.spillover=false",
            "--set", "run.months=24", "--set", "run.months=3", "--out", tmp.resolve("set-text").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("months").asInt()).isEqualTo(3);
        assertThat(root.get("labs").get(Scenarios.defaultScenario().labIndex("frontier-closed")).get("policy").asText()).isEqualTo("open-delayed(6)");
    }

    @Test
    void badSetsAreUsageErrorsThatNameThePathAndWhatIsAllowed() {
        Cli noEquals = Cli.run("run", "--set", "technology.spilloverPerMonth", "--out", tmp.resolve("bad1").toString());
        assertThat(noEquals.exit()).isEqualTo(2);
        assertThat(noEquals.err()).contains("--set").contains("PATH=VALUE");
        Cli unknownKey = Cli.run("run", "--set", "technology.spilloverPerMnth=0.1", "--out", tmp.resolve("bad2").toString());
        assertThat(unknownKey.exit()).isEqualTo(2);
        assertThat(unknownKey.err()).contains("--set").contains("spilloverPerMonth");
        Cli unknownLab = Cli.run("run", "--set", "labs[nobody].researchers=10", "--out", tmp.resolve("bad3").toString());
        assertThat(unknownLab.exit()).isEqualTo(2);
        assertThat(unknownLab.err()).contains("--set").contains("open-challenger");
        Cli outOfRange = Cli.run("run", "--set", "segments[consumers].churnPerMonth=7", "--out", tmp.resolve("bad4").toString());
        assertThat(outOfRange.exit()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("--set").contains("churnPerMonth");
        Cli notANumber = Cli.run("run", "--set", "run.months=many", "--out", tmp.resolve("bad5").toString());
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--set").contains("run.months").contains("number");
        Cli badModel = Cli.run("run", "--set", "labs[open-challenger].templateModel=deepseek-v9", "--out", tmp.resolve("bad6").toString());
        assertThat(badModel.exit()).isEqualTo(2);
        assertThat(badModel.err()).contains("--set").contains("deepseek-v9");
        for (Cli c : List.of(noEquals, unknownKey, unknownLab, outOfRange, notANumber, badModel)) {
            assertThat(c.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(tmp.resolve("bad1").resolve("summary.json")).doesNotExist();
    }

    @Test
    void badSetsInsideASectionMapNameThePathAndTheKeys() {
        // The default world (the 2025 landscape) has every section these paths name.
        String landscape = "default";
        Cli unknownLab = Cli.run("run", landscape, "--set", "parentApps.labs.us-opn.engagementShare=0.03", "--out", tmp.resolve("map1").toString());
        assertThat(unknownLab.exit()).isEqualTo(2);
        assertThat(unknownLab.err()).contains("--set: parentApps.labs.us-opn.engagementShare: no key 'us-opn' in 'parentApps.labs'; did you mean 'us-open'?")
            .contains("app-giant").contains("china-cloud-open");
        Cli unknownField = Cli.run("run", landscape, "--set", "cloudHosting.labs.us-giant.margin=0.4", "--out", tmp.resolve("map2").toString());
        assertThat(unknownField.exit()).isEqualTo(2);
        assertThat(unknownField.err()).contains("--set: cloudHosting.labs.us-giant.margin: unknown key 'margin'").contains("hostShare, grossMargin");
        Cli pastTheEnd = Cli.run("run", landscape, "--set", "wageBids.fixedSchedules.us-open[5]=1.2", "--out", tmp.resolve("map3").toString());
        assertThat(pastTheEnd.exit()).isEqualTo(2);
        assertThat(pastTheEnd.err()).contains("--set: wageBids.fixedSchedules.us-open[5]: ").contains("indices 0 to 2");
        for (Cli c : List.of(unknownLab, unknownField, pastTheEnd)) assertThat(c.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tmp.resolve("map1").resolve("summary.json")).doesNotExist();
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
        // 2e9 users need about 30 GiB: more than a test JVM's heap.
        Cli r = Cli.run("run", "--engine", "agent", "--users", "2000000000", "--months", "2", "--out", tmp.resolve("users").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("owsim: --users: 2,000,000,000 users need about 29.8 GiB of heap (16 bytes per user), but this Java has about ")
            .contains("the limit here is").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        Cli e = Cli.run("equilibrium", "--engine", "agent", "--users", "2000000000", "--labs", "open-challenger,frontier-closed");
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.err()).startsWith("owsim: --users: 2,000,000,000 users need about 29.8 GiB");
    }
}
