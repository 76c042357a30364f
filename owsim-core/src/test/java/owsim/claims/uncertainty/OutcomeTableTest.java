package owsim.claims.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.claims.ClaimResult;
import owsim.claims.Verdict;
import owsim.experiment.design.SampleMatrix;
import owsim.io.InputException;
import owsim.random.Seeds;
import owsim.random.SplitMix64;
import owsim.report.ClaimsHtml;
import owsim.report.ClaimsMarkdown;

/**
 * The outcome table: what the store holds, written to CSV and read back, is the same table and
 * gives the same report byte for byte; a bad or stale file is refused with its line and column;
 * and a store whose base-world outcomes differ from the current ones is not resumed.
 */
class OutcomeTableTest {
    static final int WORLDS = 40;
    static final List<String> CLAIMS = List.of("x", "y", "z");
    static final String YAML = """
        name: table-test
        base: default
        rootSeed: 11
        design: {kind: latin-hypercube, runs: 40}
        parameters:
          - path: technology.spilloverPerMonth
            min: 0.03
            max: 0.12
          - path: market.newsHazardPerYear
            distribution: log-uniform
            min: 0.5
            max: 4.5
        """;

    static UncertaintySet set() {
        return UncertaintySet.parse("worlds.yaml", YAML, Path.of("."), null, CLAIMS);
    }

    static List<ClaimResult> defaults(double... margins) {
        List<ClaimResult> out = new ArrayList<>();
        for (int i = 0; i < CLAIMS.size(); i++) {
            out.add(new ClaimResult(CLAIMS.get(i), "s", "e", Verdict.of(margins[i] > 0), margins[i], "u", "f", List.of(), null, margins[i], "u"));
        }
        return out;
    }

    /**
     * Outcomes with what a real run has: margins whose digits need all 17 places, a claim without
     * margins (NaN), and verdicts with a comma and a double quote. x holds when the first parameter
     * is high; y when the second is; z has no margin and holds in every third world.
     */
    static List<WorldOutcome> outcomes(UncertaintySet set) {
        SampleMatrix m = set.sample();
        SplitMix64 rng = new SplitMix64(7);
        List<WorldOutcome> out = new ArrayList<>();
        for (int w = 0; w < WORLDS; w++) {
            double[] p = m.row(w);
            long seed = Seeds.run(11, w);
            double mx = (p[0] - 0.07) / 3 + rng.nextDouble() * 1e-3;
            out.add(new WorldOutcome(3 * w, w, "x", seed, p, mx > 0 ? "HOLDS" : "FAILS", mx > 0, mx, "log10 FLOP"));
            double my = Math.log(p[1]) - 0.4;
            out.add(new WorldOutcome(3 * w + 1, w, "y", seed, p, "HOLDS_WHEN(a, \"b\" above 1.5)", my > 0, my, "USD, per month"));
            out.add(new WorldOutcome(3 * w + 2, w, "z", seed, p, w % 3 == 0 ? "HOLDS" : "FAILS", w % 3 == 0, Double.NaN, ""));
        }
        return out;
    }

    static OutcomeTable stored(Path dir, UncertaintySet set) throws Exception {
        try (OutcomeStore store = OutcomeStore.open(dir.resolve("o.duckdb"))) {
            store.begin(set, CLAIMS, defaults(0.5, -0.25, 1), "test");
            store.write(outcomes(set));
            return store.table();
        }
    }

    @Test void theCsvReadsBackToTheStoresTableAndTheSameReport(@TempDir Path dir) throws Exception {
        UncertaintySet set = set();
        OutcomeTable fromStore = stored(dir, set);
        Path csv = dir.resolve(OutcomeTable.FILE);
        fromStore.write(csv, "owsim claims --uncertainty worlds.yaml --out docs");
        OutcomeTable fromCsv = OutcomeTable.read(csv, set);

        assertThat(fromCsv.outcomes()).hasSize(WORLDS * CLAIMS.size());
        for (int i = 0; i < fromStore.outcomes().size(); i++) {
            WorldOutcome a = fromStore.outcomes().get(i);
            WorldOutcome b = fromCsv.outcomes().get(i);
            assertThat(b.runId()).isEqualTo(a.runId());
            assertThat(OutcomeTable.row(b)).isEqualTo(OutcomeTable.row(a));
            assertThat(b.parameters()).isEqualTo(a.parameters());
            assertThat(Double.doubleToLongBits(b.margin())).isEqualTo(Double.doubleToLongBits(a.margin()));
        }
        assertThat(fromCsv.toCsv("c")).isEqualTo(fromStore.toCsv("c"));
        assertThat(fromCsv.defaults().get("y")).containsExactly(0, -0.25);

        UncertaintyReport a = UncertaintyAnalysis.of(fromStore);
        UncertaintyReport b = UncertaintyAnalysis.of(fromCsv);
        // The claims vary (x and y hold in some worlds and fail in others), so the comparison covers PRIM, CART and flip worlds.
        assertThat(a.claim("x").holding()).isStrictlyBetween(0, WORLDS);
        assertThat(a.claim("y").holding()).isStrictlyBetween(0, WORLDS);
        assertThat(ClaimsMarkdown.renderUncertainty(b)).isEqualTo(ClaimsMarkdown.renderUncertainty(a));
        assertThat(ClaimsHtml.renderUncertainty(b)).isEqualTo(ClaimsHtml.renderUncertainty(a));
    }

    @Test void aBadOrStaleFileIsRefusedWithItsLineAndColumn(@TempDir Path dir) throws Exception {
        UncertaintySet set = set();
        String csv = stored(dir, set).toCsv("owsim claims --uncertainty worlds.yaml --out docs");
        String[] lines = csv.split("\n");
        int header = 0;
        while (lines[header].startsWith("#")) header++;
        int first = header + 1;

        // a margin that is not a number: line and column of the field
        String row = lines[first];
        String[] f = row.split(",");
        String bad = row.replace("," + f[6] + ",", ",1.2.3,");
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", csv.replace(row, bad), set)).isInstanceOf(InputException.class)
            .hasMessage("t.csv:" + (first + 1) + ":" + (row.indexOf("," + f[6] + ",") + 2) + ": margin: '1.2.3' is not a number");
        // holds that is not true or false
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", csv.replace(row, row.replace(",true,", ",yes,").replace(",false,", ",yes,")), set))
            .hasMessageContaining("t.csv:" + (first + 1) + ":").hasMessageContaining("holds: must be true or false, was 'yes'");
        // a missing row
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", csv.replace(row + "\n", ""), set))
            .hasMessageContaining("has 119 of 120 rows").hasMessageContaining("first missing is world 0, claim x")
            .hasMessageContaining("regenerate it with owsim claims --uncertainty worlds.yaml --out docs");
        // a value that is not the design's
        String moved = row.replace("," + f[2] + ",", "," + (Double.parseDouble(f[2]) + 1e-9) + ",");
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", csv.replace(row, moved), set))
            .hasMessageContaining("t.csv:" + (first + 1) + ":").hasMessageContaining("technology.spilloverPerMonth:").hasMessageContaining("is not world 0's value");
        // an unclosed quote
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", csv.replace(row, row + ",\"open"), set))
            .hasMessageContaining("t.csv:" + (first + 1) + ":" + (row.length() + 2) + ": a quoted field is not closed");
        // the header's parameters in another order
        String h = lines[header];
        String swapped = h.replace("technology.spilloverPerMonth,market.newsHazardPerYear", "market.newsHazardPerYear,technology.spilloverPerMonth");
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", csv.replace(h, swapped), set))
            .hasMessageContaining("t.csv:" + (header + 1) + ":12: header column 3 is 'market.newsHazardPerYear', expected 'technology.spilloverPerMonth'");

        // stale: another uncertainty file (one range changed), or another base scenario
        UncertaintySet other = UncertaintySet.parse("worlds.yaml", YAML.replace("max: 0.12", "max: 0.13"), Path.of("."), null, CLAIMS);
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", csv, other))
            .hasMessage("t.csv: is stale: it was made from another version of worlds.yaml (or another number of worlds or set of claims);"
                + " regenerate it with owsim claims --uncertainty worlds.yaml --out docs");
        UncertaintySet rebased = set.withBase(set.experiment().base(), "another text");
        assertThatThrownBy(() -> OutcomeTable.parse("t.csv", csv, rebased))
            .hasMessageContaining("is stale: it was made on another base scenario (the default world changed)");
    }

    @Test void aStoreWhoseBaseWorldOutcomesChangedIsNotResumed(@TempDir Path dir) throws Exception {
        UncertaintySet set = set();
        Path file = dir.resolve("o.duckdb");
        try (OutcomeStore store = OutcomeStore.open(file)) {
            store.begin(set, CLAIMS, defaults(0.5, -0.25, 1), "test");
            store.write(outcomes(set).subList(0, 9));
        }
        // The same outcomes resume.
        try (OutcomeStore store = OutcomeStore.open(file)) {
            store.begin(set, CLAIMS, defaults(0.5, -0.25, 1), "test");
            assertThat(store.storedRunIds().cardinality()).isEqualTo(9);
        }
        // Claim y's margin moved (the model changed): refused, and the rows are kept.
        try (OutcomeStore store = OutcomeStore.open(file)) {
            assertThatThrownBy(() -> store.begin(set, CLAIMS, defaults(0.5, -0.2, 1), "test")).isInstanceOf(InputException.class)
                .hasMessageContaining("holds outcomes of another version of the model")
                .hasMessageContaining("claim y: stored fails with margin -0.25, now fails with margin -0.2")
                .hasMessageContaining("delete the file to start again, or write to another --store file");
            assertThat(store.storedRunIds().cardinality()).isEqualTo(9);
        }
    }
}
