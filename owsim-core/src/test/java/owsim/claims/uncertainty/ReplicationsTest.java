package owsim.claims.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.catalog.Catalog;
import owsim.claims.ChartData;
import owsim.claims.ClaimResult;
import owsim.claims.Verdict;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SampleMatrix;
import owsim.experiment.discovery.Wilson;
import owsim.io.InputException;
import owsim.market.EngineKind;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.random.Seeds;
import owsim.report.ClaimsHtml;
import owsim.report.ClaimsMarkdown;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Worlds run several times on the agent engine: a world's outcome is its replications' majority,
 * the report gives the share of replications that hold and how often a world's replications
 * agree (checked by hand on a tiny table); the store and the CSV table keep the engine, users and
 * replications and refuse to resume with others; a store from before replications resumes.
 */
class ReplicationsTest {
    private static final WorldRunner.Runs AGENT_3 = WorldRunner.Runs.agent(500, 3);

    /**
     * Claim x in 4 worlds x 3 replications; holds per replication and margins:
     * world 0: T T T (1, 2, 3); world 1: T F F (1, -1, -3); world 2: T T F (2, 2, -1); world 3: F F F (-1, -2, -3).
     */
    private static List<WorldOutcome> tiny() {
        boolean[][] holds = {{true, true, true}, {true, false, false}, {true, true, false}, {false, false, false}};
        double[][] margins = {{1, 2, 3}, {1, -1, -3}, {2, 2, -1}, {-1, -2, -3}};
        List<WorldOutcome> out = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            for (int r = 0; r < 3; r++) {
                boolean h = holds[w][r];
                out.add(new WorldOutcome(w * 3 + r, w, r, "x", Seeds.replication(1, w, r), new double[] {w / 4.0}, h ? "HOLDS" : "FAILS", h,
                    margins[w][r], "u"));
            }
        }
        return out;
    }

    @Test void aWorldsOutcomeIsItsReplicationsMajorityAndTheAgreementIsCountedByHand() {
        List<WorldOutcome> all = new ArrayList<>(tiny());
        java.util.Collections.reverse(all);  // any order: grouped by world, sorted by replication
        UncertaintyAnalysis.PerWorld per = UncertaintyAnalysis.perWorld(all, 3);
        assertThat(per.outcomes()).extracting(WorldOutcome::world).containsExactly(0, 1, 2, 3);
        // Majority: 3 of 3, 1 of 3, 2 of 3, 0 of 3.
        assertThat(per.outcomes()).extracting(WorldOutcome::holds).containsExactly(true, false, true, false);
        // Mean margins: 2, -1, 1, -2.
        assertThat(per.outcomes()).extracting(WorldOutcome::margin).containsExactly(2.0, -1.0, 1.0, -2.0);
        // The verdict and seed are those of the first replication giving the world's outcome: world 1's is replication 1.
        assertThat(per.outcomes().get(1).replication()).isEqualTo(1);
        assertThat(per.outcomes().get(1).seed()).isEqualTo(Seeds.replication(1, 1, 1));
        // Share of replications that hold: (3 + 1 + 2 + 0) / 12 per world averaged = (1 + 1/3 + 2/3 + 0) / 4 = 0.5.
        assertThat(per.runShare()).isCloseTo(0.5, within(1e-15));
        // Pairs that agree among 3 pairs: world 0: 3, world 1: 1 (the two F), world 2: 1 (the two T), world 3: 3 -> (1 + 1/3 + 1/3 + 1) / 4 = 2/3.
        assertThat(per.agreement()).isCloseTo(2.0 / 3, within(1e-15));
        // Worlds whose three replications all agree: worlds 0 and 3 of 4.
        assertThat(per.agreedShare()).isEqualTo(0.5);
        assertThat(per.incomplete()).isZero();

        UncertaintyReport r = UncertaintyAnalysis.analyze("t", "latin-hypercube", 4, List.of(new Parameter("p", new owsim.random.Distribution.Uniform(0, 1))), List.of("x"), tiny(),
            Map.of("x", new double[] {1, 2}), null, 1, AGENT_3);
        ClaimUncertainty x = r.claim("x");
        assertThat(x.worlds()).isEqualTo(4);
        assertThat(x.holding()).isEqualTo(2);
        assertThat(x.share()).isEqualTo(0.5);
        assertThat(x.interval()).isEqualTo(Wilson.interval(2, 4, 0.95));
        assertThat(x.replications()).isEqualTo(3);
        assertThat(x.runShare()).isCloseTo(0.5, within(1e-15));
        assertThat(x.agreement()).isCloseTo(2.0 / 3, within(1e-15));
        // The flip world (it holds in the base world) is the failing world furthest below zero: world 3.
        assertThat(x.flip().world()).isEqualTo(3);
        assertThat(r.replications()).isEqualTo(3);
        assertThat(r.engine()).isEqualTo("agent");
        assertThat(x.agreedShare()).isEqualTo(0.5);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("500 simulated users, 3 replications").contains("share of worlds whose replications all agree"));
        // The reports' tables carry the two columns, the claim's section all three figures.
        String md = ClaimsMarkdown.renderUncertainty(r);
        assertThat(md).contains("| claim | holds in sampled worlds (95% interval) | replications that hold | worlds whose replications agree | holds when |\n"
            + "|---|---|---|---|---|\n| x | 50.0% [")
            .contains(" of 4 worlds | 50.0% | 50.0% | ")
            .contains("- Replications: in 50.0% of worlds all 3 replications agree; 50.0% of replications hold; mean within-world agreement"
                + " (share of a world's pairs of replications with the same outcome) 66.7%.\n");
        String html = ClaimsHtml.renderUncertainty(r);
        assertThat(html).contains("<th>holds in sampled worlds (95% interval)</th><th>replications that hold</th><th>worlds whose replications agree</th>"
            + "<th>holds when</th>").contains(" of 4 worlds</td><td>50.0%</td><td>50.0%</td><td>")
            .contains("<li>Replications: in 50.0% of worlds all 3 replications agree;");
        // With the claims' verdicts: the same columns after the share.
        ClaimResult verdict = new ClaimResult("x", "x holds", "an experiment", Verdict.holds(), 1, "u", "found", List.of(),
            new ChartData("t", "x", "y", List.of(new ChartData.Line("l", new double[] {0, 1}, new double[] {0, 1}))), 1, "u");
        assertThat(ClaimsMarkdown.render("s", "cmd", List.of(verdict), r)).contains(
            "| claim | statement | verdict | effect | holds in sampled worlds (95% interval) | replications that hold | worlds whose replications agree |\n"
                + "|---|---|---|---|---|---|---|\n").contains(" of 4 worlds | 50.0% | 50.0% |\n");
        assertThat(ClaimsHtml.render("s", "cmd", List.of(verdict), r)).contains("<th>worlds whose replications agree</th></tr>")
            .contains(" of 4 worlds</td><td>50.0%</td><td>50.0%</td></tr>");

        // Run once each (the aggregate engine), the same outcomes give reports without the columns.
        UncertaintyReport once = UncertaintyAnalysis.analyze("t", "latin-hypercube", 4, List.of(new Parameter("p", new owsim.random.Distribution.Uniform(0, 1))),
            List.of("x"), tiny().stream().filter(o -> o.replication() == 0).toList(), Map.of("x", new double[] {1, 2}), null, 1);
        assertThat(once.claim("x").agreedShare()).isNaN();
        assertThat(ClaimsMarkdown.renderUncertainty(once)).doesNotContain("replications").contains("| claim | holds in sampled worlds (95% interval) | holds when |\n|---|---|---|\n");
        assertThat(ClaimsHtml.renderUncertainty(once)).doesNotContain("replications");
    }

    @Test void aTieDoesNotHoldAndOneReplicationIsTheWorldAsItIs() {
        List<WorldOutcome> two = List.of(
            new WorldOutcome(0, 0, 0, "x", 1, new double[] {0}, "HOLDS", true, 1, "u"),
            new WorldOutcome(1, 0, 1, "x", 2, new double[] {0}, "FAILS", false, -0.5, "u"));
        UncertaintyAnalysis.PerWorld per = UncertaintyAnalysis.perWorld(two, 2);
        assertThat(per.outcomes().get(0).holds()).isFalse();
        assertThat(per.outcomes().get(0).verdict()).isEqualTo("FAILS");
        assertThat(per.agreement()).isZero();
        assertThat(per.runShare()).isEqualTo(0.5);

        // One replication: the rows themselves (so the aggregate engine's analysis is unchanged), agreement undefined.
        WorldOutcome only = two.get(0);
        UncertaintyAnalysis.PerWorld one = UncertaintyAnalysis.perWorld(List.of(only), 1);
        assertThat(one.outcomes().get(0)).isSameAs(only);
        assertThat(one.agreement()).isNaN();
        // A world short of its replications is counted, for the note.
        assertThat(UncertaintyAnalysis.perWorld(List.of(only), 2).incomplete()).isEqualTo(1);
    }

    @Test void theAggregateEngineDrawsNothingFromTheSeedSoItTakesOneReplication() {
        // Why --replications is refused with the aggregate engine: two seeds, the same run.
        Catalog cat = Catalog.bundled();
        Scenario s = Scenarios.defaultScenario().withMonths(12);
        AggregateEngine engine = new AggregateEngine(cat);
        RunResult a = engine.run(s.withSeed(1));
        RunResult b = engine.run(s.withSeed(987654321));
        assertThat(series(b)).isEqualTo(series(a)).contains("users");
        assertThat(a.series()).hasSizeGreaterThan(10);
        assertThatThrownBy(() -> new WorldRunner.Runs(EngineKind.AGGREGATE, 0, 2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("the aggregate engine is deterministic");
        assertThatThrownBy(() -> WorldRunner.Runs.agent(0, 2)).hasMessageContaining("users: must be a whole number >= 1");
        assertThatThrownBy(() -> WorldRunner.Runs.agent(10, 0)).hasMessageContaining("replications: must be 1..");
        // Seeds: the aggregate engine's world seed as before replications; the agent engine's from (root, world, replication).
        assertThat(WorldRunner.seed(11, 3, 0, EngineKind.AGGREGATE)).isEqualTo(Seeds.run(11, 3));
        assertThat(WorldRunner.seed(11, 3, 1, EngineKind.AGENT)).isEqualTo(Seeds.replication(11, 3, 1));
    }

    /** Every monthly figure of a run (all 17 digits), and its labs' and market's summaries. */
    private static String series(RunResult run) {
        StringBuilder sb = new StringBuilder();
        for (owsim.market.Series x : run.series()) sb.append(x.entity()).append(' ').append(x.metric()).append(java.util.Arrays.toString(x.values())).append('\n');
        return sb.append(run.labs()).append(run.market()).toString();
    }

    /** Outcomes of the table test's set for every world x replication x claim, as an agent run stores them. */
    private static List<WorldOutcome> agentOutcomes(UncertaintySet set, WorldRunner.Runs runs) {
        SampleMatrix m = set.sample();
        List<WorldOutcome> out = new ArrayList<>();
        int id = 0;
        for (int w = 0; w < OutcomeTableTest.WORLDS; w++) {
            for (int r = 0; r < runs.replications(); r++) {
                long seed = WorldRunner.seed(11, w, r, EngineKind.AGENT);
                for (String c : OutcomeTableTest.CLAIMS) {
                    boolean h = (w + r + c.charAt(0)) % 3 != 0;
                    out.add(new WorldOutcome(id++, w, r, c, seed, m.row(w), h ? "HOLDS" : "FAILS, \"x\"", h, c.equals("z") ? Double.NaN : (w - 20) / 7.0 + r,
                        "u"));
                }
            }
        }
        return out;
    }

    @Test void theStoreAndTheCsvKeepTheReplicationsAndRefuseToResumeWithOthers(@TempDir Path dir) throws Exception {
        UncertaintySet set = OutcomeTableTest.set();
        Path file = dir.resolve("agent.duckdb");
        WorldRunner.Runs runs = WorldRunner.Runs.agent(500, 2);
        List<WorldOutcome> all = agentOutcomes(set, runs);
        OutcomeTable table;
        try (OutcomeStore store = OutcomeStore.open(file)) {
            store.begin(set, OutcomeTableTest.CLAIMS, OutcomeTableTest.defaults(0.5, -0.25, 1), "test", runs);
            store.write(all.subList(0, 30));
        }
        // The same engine, users and replications resume.
        try (OutcomeStore store = OutcomeStore.open(file)) {
            store.begin(set, OutcomeTableTest.CLAIMS, OutcomeTableTest.defaults(0.5, -0.25, 1), "test", runs);
            assertThat(store.storedRunIds().cardinality()).isEqualTo(30);
            store.write(all.subList(30, all.size()));
            table = store.table();
        }
        assertThat(table.runs()).isEqualTo(runs);
        assertThat(table.outcomes()).hasSize(all.size());
        assertThat(table.outcome(5, 1, "y").seed()).isEqualTo(Seeds.replication(11, 5, 1));
        assertThat(table.outcome(5, 1, "y").replication()).isEqualTo(1);

        // Another engine, number of replications or of users: refused, naming the file and what differs; the rows are kept.
        for (WorldRunner.Runs other : List.of(WorldRunner.Runs.AGGREGATE, WorldRunner.Runs.agent(500, 3), WorldRunner.Runs.agent(1000, 2))) {
            try (OutcomeStore store = OutcomeStore.open(file)) {
                assertThatThrownBy(() -> store.begin(set, OutcomeTableTest.CLAIMS, OutcomeTableTest.defaults(0.5, -0.25, 1), "test", other))
                    .isInstanceOf(InputException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("holds outcomes made with the agent engine, 500 users, 2 replications, not the " + other.describe())
                    .hasMessageContaining(other.engine() == EngineKind.AGGREGATE ? "engine: stored agent, now aggregate"
                        : other.users() != 500 ? "users: stored 500, now 1000" : "replications: stored 2, now 3")
                    .hasMessageContaining("run with the same --engine, --users and --replications to resume it");
                assertThat(store.storedRunIds().cardinality()).isEqualTo(all.size());
            }
        }

        // The CSV table: engine keys and a replication column; it reads back to the same table and report.
        Path csv = dir.resolve(OutcomeTable.FILE);
        table.write(csv, "owsim claims --engine agent --users 500 --out docs --uncertainty worlds.yaml --replications 2");
        String text = java.nio.file.Files.readString(csv);
        assertThat(text).contains("# engine: agent\n# users: 500\n# replications: 2\n").contains("\nworld,replication,seed,");
        OutcomeTable back = OutcomeTable.read(csv, set);
        assertThat(back.runs()).isEqualTo(runs);
        assertThat(back.toCsv("c")).isEqualTo(table.toCsv("c"));
        assertThat(ClaimsMarkdown.renderUncertainty(UncertaintyAnalysis.of(back))).isEqualTo(ClaimsMarkdown.renderUncertainty(UncertaintyAnalysis.of(table)));
        // A row whose seed is not its replication's is refused with its line.
        String[] lines = text.split("\n");
        int first = 0;
        while (lines[first].startsWith("#")) first++;
        first++;
        String row = lines[first];
        String moved = row.replaceFirst("^0,0,", "0,1,");
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", text.replace(row + "\n", moved + "\n"), set))
            .hasMessageContaining("t.csv:" + (first + 1) + ":").hasMessageContaining("is not replication 1 of world 0's seed");
        // Half the run keys: refused.
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", text.replace("# users: 500\n", ""), set))
            .hasMessageContaining("users: missing: a table with '# engine: ...' also gives '# users: ...'");
    }

    @Test void aStoreFromBeforeReplicationsResumesOnTheAggregateEngine(@TempDir Path dir) throws Exception {
        UncertaintySet set = OutcomeTableTest.set();
        Path file = dir.resolve("old.duckdb");
        List<WorldOutcome> all = OutcomeTableTest.outcomes(set);
        try (OutcomeStore store = OutcomeStore.open(file)) {
            store.begin(set, OutcomeTableTest.CLAIMS, OutcomeTableTest.defaults(0.5, -0.25, 1), "test");
            store.write(all.subList(0, 12));
        }
        // As the store was before this change: no replication column, no engine and users keys.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE runs DROP COLUMN replication");
            st.execute("DELETE FROM experiment WHERE key IN ('engine', 'users')");
        }
        try (OutcomeStore store = OutcomeStore.open(file)) {
            // Read as it is (owsim analyze): replication 0 everywhere.
            assertThat(store.outcomes()).hasSize(12).allSatisfy(o -> assertThat(o.replication()).isZero());
        }
        try (OutcomeStore store = OutcomeStore.open(file)) {
            assertThatThrownBy(() -> store.begin(set, OutcomeTableTest.CLAIMS, OutcomeTableTest.defaults(0.5, -0.25, 1), "test", AGENT_3))
                .hasMessageContaining("engine: stored aggregate, now agent");
        }
        OutcomeTable resumed;
        try (OutcomeStore store = OutcomeStore.open(file)) {
            store.begin(set, OutcomeTableTest.CLAIMS, OutcomeTableTest.defaults(0.5, -0.25, 1), "test");
            assertThat(store.storedRunIds().cardinality()).isEqualTo(12);
            store.write(all.subList(12, all.size()));
            resumed = store.table();
        }
        assertThat(resumed.runs()).isEqualTo(WorldRunner.Runs.AGGREGATE);
        assertThat(resumed.toCsv("c")).isEqualTo(OutcomeTableTest.stored(dir.resolve("new"), set).toCsv("c"));
    }
}
