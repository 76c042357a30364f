package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * --at-months: each month's row holds the aggregate run's timeseries.csv value in that month and the
     * mean of the agent runs' values (the runs 'owsim run --engine agent' writes for the same seeds);
     * months count from 1, the rows of timeseries.csv. Without the option the figures are the ones before.
     */
    @Test void monthRowsAreTheRunsTimeseriesAtThoseMonths(@TempDir Path dir) throws Exception {
        String four = Cli.FOUR_LABS.toString();
        String[] base = {"compare-engines", four, "--users", "3000", "--replications", "3", "--months", "24", "--threads", "1", "--format", "json"};
        Cli with = Cli.run(concat(base, "--at-months", "1,12,24"));
        assertThat(with.exit()).as(with.err()).isZero();
        Map<String, String> agg = timeseries(run(dir.resolve("aggregate"), "run", four, "--months", "24"));
        List<Map<String, String>> agents = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            agents.add(timeseries(run(dir.resolve("agent" + seed), "run", four, "--engine", "agent", "--users", "3000", "--months", "24",
                "--seed", Integer.toString(seed), "--threads", "1")));
        }
        JsonNode figures = new ObjectMapper().readTree(with.out()).get("figures");
        int summary = 4 * 10 + 3;
        // Per month: 4 labs x 3, 3 regions, 4 labs' cash, 3 market series.
        int perMonth = 4 * 3 + 3 + 4 + 3;
        assertThat(figures.size()).as("the summary figures, then per month 4 labs x 3, 3 regions, 4 labs' cash and 3 market series")
            .isEqualTo(summary + 3 * perMonth);
        Map<String, String> months = Map.of("1", "2025-01", "12", "2025-12", "24", "2026-12");
        int checked = 0;
        for (int k = summary; k < figures.size(); k++) {
            JsonNode f = figures.get(k);
            String[] name = f.get("figure").asText().split(" ");
            assertThat(name[0]).isEqualTo("month");
            String key = months.get(name[1]) + "," + (name[2].equals("region") ? "market,region." + name[3] + "." + name[4] : name[2] + "," + name[3]);
            assertThat(agg).as(key).containsKey(key);
            assertThat(f.get("aggregate").asDouble()).as(key).isEqualTo(Double.parseDouble(agg.get(key)));
            double mean = agents.stream().mapToDouble(a -> Double.parseDouble(a.get(key))).sum() / agents.size();
            assertThat(f.get("agentMean").asDouble()).as(key).isCloseTo(mean, offset(1e-9 * Math.abs(mean)));
            checked++;
        }
        assertThat(checked).isEqualTo(66);
        assertThat(figures.get(summary).get("figure").asText()).isEqualTo("month 1 frontier-closed users");
        assertThat(figures.get(summary + 12).get("figure").asText()).isEqualTo("month 1 region west users");
        assertThat(figures.get(summary + 15).get("figure").asText()).isEqualTo("month 1 frontier-closed cashUsd");
        assertThat(figures.get(summary + 19).get("figure").asText()).isEqualTo("month 1 market openWeightTokenShare");
        assertThat(figures.get(summary + 21).get("figure").asText()).isEqualTo("month 1 market consumerSurplusUsd");
        assertThat(figures.get(summary + perMonth + 19).get("figure").asText()).isEqualTo("month 12 market openWeightTokenShare");
        // Users in the last month are the end-of-run users.
        assertThat(figures.get(summary + 2 * perMonth).get("figure").asText()).isEqualTo("month 24 frontier-closed users");
        assertThat(figures.get(summary + 2 * perMonth).get("aggregate").asDouble()).isCloseTo(figures.get(0).get("aggregate").asDouble(),
            offset(1e-6 * figures.get(0).get("aggregate").asDouble()));

        // Without the option: the summary figures, the same bytes, and nothing else.
        Cli without = Cli.run(base);
        assertThat(without.exit()).as(without.err()).isZero();
        JsonNode old = new ObjectMapper().readTree(without.out()).get("figures");
        assertThat(old.size()).isEqualTo(summary);
        for (int k = 0; k < summary; k++) assertThat(old.get(k)).isEqualTo(figures.get(k));
        assertThat(without.out()).doesNotContain("\"month ");
        // Two threads: the same bytes.
        String[] two = concat(base, "--at-months", "1,12,24");
        two[9] = "2";
        assertThat(Cli.run(two).out()).isEqualTo(with.out());
    }

    @Test void theTableShowsTheMonthRowsAfterTheSummary() {
        String[] base = {"compare-engines", Cli.FOUR_LABS.toString(), "--users", "2000", "--replications", "2", "--months", "12", "--threads", "1"};
        Cli without = Cli.run(base);
        Cli with = Cli.run(concat(base, "--at-months", "12"));
        assertThat(with.exit()).as(with.err()).isZero();
        List<String> rows = new ArrayList<>(with.out().lines().toList());
        List<String> monthRows = rows.stream().filter(l -> l.startsWith("month 12 ")).toList();
        assertThat(monthRows).hasSize(22).anyMatch(l -> l.startsWith("month 12 app-giant revenueUsd")).anyMatch(l -> l.startsWith("month 12 region china users"))
            .anyMatch(l -> l.startsWith("month 12 frontier-closed cashUsd")).anyMatch(l -> l.startsWith("month 12 market openModelLagMonths"));
        rows.removeAll(monthRows);
        List<String> old = without.out().lines().toList();
        // Every line but the count of figures bracketed is the command's output without the option.
        assertThat(rows.subList(0, rows.size() - 1)).isEqualTo(old.subList(0, old.size() - 1));
        assertThat(rows.get(rows.size() - 1)).contains("of 65 figures bracketed");
        assertThat(old.get(old.size() - 1)).contains("of 43 figures bracketed");
    }

    @Test void aMonthOutsideTheRunIsRefusedNamingTheOption() {
        for (String bad : List.of("0", "13", "6,13")) {
            Cli r = Cli.run("compare-engines", Cli.FOUR_LABS.toString(), "--months", "12", "--replications", "2", "--users", "100", "--at-months", bad);
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("--at-months").contains("from 1 to 12").contains("was " + (bad.equals("0") ? "0" : "13"));
        }
        Cli word = Cli.run("compare-engines", "--replications", "2", "--at-months", "twelve");
        assertThat(word.exit()).isEqualTo(2);
        assertThat(word.err()).contains("--at-months").contains("twelve");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Runs 'owsim run ... --out dir' and returns dir. */
    private static Path run(Path dir, String... args) {
        Cli r = Cli.run(concat(args, "--out", dir.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        return dir;
    }

    /** timeseries.csv as "month,entity,metric" to the value as written. */
    private static Map<String, String> timeseries(Path dir) throws IOException {
        Map<String, String> out = new HashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("timeseries.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.put(f[0] + "," + f[1] + "," + f[2], f[4]);
        }
        return out;
    }
}
