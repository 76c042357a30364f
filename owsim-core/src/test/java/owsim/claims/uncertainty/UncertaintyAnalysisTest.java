package owsim.claims.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.experiment.design.Parameter;
import owsim.random.Distribution;
import owsim.random.SplitMix64;

/** The per-claim analysis on outcomes whose answer is known, and the shipped uncertainty file. */
class UncertaintyAnalysisTest {
    static final int WORLDS = 200;

    /** Claim x holds exactly when p0 &gt; 0.5 (margin p0 - 0.5); claim y holds everywhere. */
    static List<WorldOutcome> outcomes() {
        SplitMix64 rng = new SplitMix64(3);
        List<WorldOutcome> out = new ArrayList<>();
        for (int w = 0; w < WORLDS; w++) {
            double[] p = {rng.nextDouble(), rng.nextDouble(), rng.nextDouble()};
            out.add(new WorldOutcome(2 * w, w, "x", w, p, "?", p[0] > 0.5, p[0] - 0.5, "units"));
            out.add(new WorldOutcome(2 * w + 1, w, "y", w, p, "HOLDS", true, 1 + p[1], "units"));
        }
        return out;
    }

    static UncertaintyReport report() {
        List<Parameter> params = List.of(new Parameter("p0", new Distribution.Uniform(0, 1)), new Parameter("p1", new Distribution.Uniform(0, 1)),
            new Parameter("p2", new Distribution.Uniform(0, 1)));
        return UncertaintyAnalysis.analyze("t", "latin-hypercube", WORLDS, params, List.of("x", "y"), outcomes(),
            Map.of("x", new double[] {1, 0.3}, "y", new double[] {1, 1}), null, 1);
    }

    @Test void aThresholdClaimGetsItsShareBoxDeciderSurfaceAndFlip() {
        ClaimUncertainty x = report().claim("x");
        assertThat(x.worlds()).isEqualTo(WORLDS);
        assertThat(x.share()).isCloseTo(0.5, within(0.1));
        assertThat(x.interval().contains(x.share())).isTrue();
        assertThat(x.marginQuantiles()[2]).isCloseTo(0, within(0.1));
        // The box: p0 above about 0.5 and nothing else.
        assertThat(x.box().restricted()).containsExactly(true, false, false);
        assertThat(x.box().low()[0]).isCloseTo(0.5, within(0.05));
        assertThat(x.conditions()).startsWith("p0 >= 0.5");
        // The one restriction left, with its worth: p0's limit takes the density from about a half to all.
        assertThat(x.restrictions()).extracting(r -> r.parameter()).containsExactly(0);
        assertThat(x.restrictions().get(0).densityGain()).isGreaterThan(0.4);
        assertThat(x.restrictions().get(0).quasiP()).isLessThan(1e-6);
        assertThat(x.peeledBox().restrictedCount()).isGreaterThanOrEqualTo(x.box().restrictedCount());
        assertThat(x.tree().splitParameters().get(0)).isZero();
        assertThat(x.tree().root().threshold()).isCloseTo(0.5, within(0.02));
        assertThat(x.deciding().get(0).path()).isEqualTo("p0");
        assertThat(x.deciding().get(0).value()).isGreaterThan(0.95);
        assertThat(x.surfacePaths().get(0)).isEqualTo("p0");
        // The flip: a world where it fails, the one furthest from holding (smallest p0).
        assertThat(x.flip().holds()).isFalse();
        double smallest = outcomes().stream().filter(o -> o.claim().equals("x")).mapToDouble(o -> o.parameters()[0]).min().orElseThrow();
        assertThat(x.flip().values()[0]).isEqualTo(smallest);
    }

    @Test void aClaimThatAlwaysHoldsHasNoBoxAndNoFlip() {
        ClaimUncertainty y = report().claim("y");
        assertThat(y.share()).isEqualTo(1.0);
        assertThat(y.interval().low()).isGreaterThan(0.98);
        assertThat(y.box()).isNull();
        assertThat(y.conditions()).startsWith("everywhere");
        assertThat(y.flip()).isNull();
        assertThat(y.surface()).isNull();
        // Its margin still varies, with p1: the deciding parameter.
        assertThat(y.deciding().get(0).path()).isEqualTo("p1");
    }

    @Test void aSobolDesignRanksByTotalIndex() {
        List<Parameter> params = List.of(new Parameter("p0", new Distribution.Uniform(0, 1)), new Parameter("p1", new Distribution.Uniform(0, 1)),
            new Parameter("p2", new Distribution.Uniform(0, 1)));
        owsim.experiment.design.SaltelliSample saltelli = new owsim.experiment.design.SobolDesign(64).saltelli(params);
        owsim.experiment.design.SampleMatrix m = saltelli.matrix();
        List<WorldOutcome> out = new ArrayList<>();
        for (int w = 0; w < m.runs(); w++) {
            double[] p = m.row(w);
            double margin = p[0] - 0.5 + 0.1 * p[1];
            out.add(new WorldOutcome(w, w, "x", w, p, "?", margin > 0, margin, "units"));
        }
        UncertaintyReport r = UncertaintyAnalysis.analyze("s", "sobol", m.runs(), params, List.of("x"), out, Map.of(), saltelli, 1);
        ClaimUncertainty x = r.claim("x");
        assertThat(x.decidingMeasure()).isEqualTo("Sobol ST");
        assertThat(x.deciding()).extracting(ClaimUncertainty.Decider::path).containsExactly("p0", "p1", "p2");
        // Analytic total indices of a linear function: 1 / (1 + 0.01) and 0.01 / 1.01; p2 none.
        assertThat(x.deciding().get(0).value()).isCloseTo(0.990, within(0.05));
        assertThat(x.deciding().get(2).value()).isCloseTo(0, within(0.01));
        assertThat(x.flip()).isNull();
    }

    @Test void worldsResizeTheDesign() {
        UncertaintySet lhs = UncertaintySet.parse("u.yaml", "name: u\nrootSeed: 1\ndesign: {kind: latin-hypercube, runs: 4}\nparameters:\n"
            + "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n", Path.of("."), 12, List.of("a"));
        assertThat(lhs.worlds()).isEqualTo(12);
        assertThat(lhs.sample().runs()).isEqualTo(12);
        UncertaintySet sobol = UncertaintySet.parse("u.yaml", "name: u\nrootSeed: 1\ndesign: {kind: sobol, baseRuns: 4}\nparameters:\n"
            + "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n", Path.of("."), 24, List.of("a"));
        assertThat(sobol.worlds()).isEqualTo(24);
        assertThat(sobol.saltelli()).isNotNull();
        // The hash covers the number of worlds and the claims, so a store refuses another of either.
        UncertaintySet other = UncertaintySet.parse("u.yaml", "name: u\nrootSeed: 1\ndesign: {kind: latin-hypercube, runs: 4}\nparameters:\n"
            + "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n", Path.of("."), 12, List.of("a", "b"));
        assertThat(other.experiment().fileHash()).isNotEqualTo(lhs.experiment().fileHash());
    }

    /**
     * Checks that the nearest comment block above every parameter and group of shares of an uncertainty file says where
     * its range comes from (a source key in brackets, or "assumption"); returns how many there are.
     */
    static int parametersWithSourceOrAssumption(Path file) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        int parameters = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().startsWith("- path:") && !lines.get(i).trim().startsWith("- paths:")) continue;
            parameters++;
            int j = i - 1;
            while (j >= 0 && !lines.get(j).trim().startsWith("#")) j--;
            StringBuilder block = new StringBuilder();
            while (j >= 0 && lines.get(j).trim().startsWith("#")) block.insert(0, lines.get(j--));
            assertThat(block.toString()).as(lines.get(i)).containsAnyOf("assumption", "Assumption", "[");
        }
        return parameters;
    }

    @Test void everyParameterOfTheShippedFileHasASourceOrAnAssumption() throws Exception {
        assertThat(parametersWithSourceOrAssumption(Path.of("..", "experiments", "claims-uncertainty.yaml"))).isGreaterThanOrEqualTo(10);
        UncertaintySet set = UncertaintySet.load(Path.of("..", "experiments", "claims-uncertainty.yaml"), null, List.of("a"));
        assertThat(set.worlds()).isEqualTo(256);
        assertThat(set.paths()).contains("segments[hobbyists].ecosystemWeight", "technology.communityProgressPerDerivativeGrowth");
        assertThat(set.paths()).contains("distillers[challenger-harvest].saturationExchanges", "distillers[rival-harvest].saturationExchanges",
            "distillers[challenger-harvest].openSamplesPerMonth", "distillers[rival-harvest].openSamplesPerMonth", "advertising.chatAdShare");
        assertThat(set.paths()).contains("advertising.rampMonths", "regions[china].willingnessToPay", "distillers[rival-harvest].freeShare");
        // The channel shares come last, drawn together: every world's split sums to 1.
        owsim.experiment.design.SampleMatrix m = set.sample();
        for (String d : List.of("challenger-harvest", "rival-harvest")) {
            for (int w = 0; w < m.runs(); w++) {
                double sum = m.value(w, m.indexOf("distillers[" + d + "].apiShare")) + m.value(w, m.indexOf("distillers[" + d + "].subscriptionShare"))
                    + m.value(w, m.indexOf("distillers[" + d + "].freeShare"));
                assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    /**
     * The distillers' saturation and open samples and the ads' yield are checked as the scenario
     * checks them: a range the scenario refuses stops the file at load, naming the file, the
     * parameter's line and column, the field and the path.
     */
    @Test void aRangeTheScenarioRefusesForTheNewParametersNamesFileLineAndField() {
        String[][] cases = {
            {"distillers[challenger-harvest].saturationExchanges", "0", "1.0e7", "min: 0 is not allowed"},
            {"distillers[rival-harvest].saturationExchanges", "1.0e5", "2.0e15", "max: 2.0E15 is not allowed"},
            {"distillers[challenger-harvest].openSamplesPerMonth", "-1", "1.0e7", "min: -1 is not allowed"},
            {"distillers[rival-harvest].openSamplesPerMonth", "1.0e5", "2.0e15", "max: 2.0E15 is not allowed"},
            {"advertising.chatAdShare", "0.05", "1.5", "max: 1.5 is not allowed"},
        };
        for (String[] c : cases) {
            String text = "name: u\nrootSeed: 1\ndesign: {kind: latin-hypercube, runs: 4}\nparameters:\n"
                + "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n"
                + "  - path: " + c[0] + "\n    min: " + c[1] + "\n    max: " + c[2] + "\n";
            int line = c[3].startsWith("min") ? 9 : 10;
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> UncertaintySet.parse("u.yaml", text, Path.of("."), null, List.of("a")))
                .as(c[0])
                .isInstanceOf(owsim.io.InputException.class)
                .hasMessageStartingWith("u.yaml:" + line + ":5: parameters[1]." + c[3].replace(" is not allowed", "") + " is not allowed for " + c[0] + ": ");
        }
        // The shipped ranges themselves load (every world a valid scenario).
        UncertaintySet set = UncertaintySet.load(Path.of("..", "experiments", "claims-uncertainty.yaml"), 16, List.of("a"));
        new WorldRunner(set, owsim.claims.Claims.all(), owsim.catalog.Catalog.bundled()).checkWorlds();
    }

    /**
     * Claim z holds when p0 &gt; 0.5 and p1 &lt; 0.4, with one world in 50 flipped, among six
     * parameters: the report names p0 and p1 only, each with its gain and quasi-p, and the box's
     * coverage and density in the summary table.
     */
    @Test void theReportShowsThePrunedBoxWithItsFigures() {
        SplitMix64 rng = new SplitMix64(2);
        List<Parameter> params = new ArrayList<>();
        for (int j = 0; j < 6; j++) params.add(new Parameter("p" + j, new Distribution.Uniform(0, 1)));
        List<WorldOutcome> out = new ArrayList<>();
        for (int w = 0; w < 256; w++) {
            double[] p = new double[6];
            for (int j = 0; j < 6; j++) p[j] = rng.nextDouble();
            boolean holds = (p[0] > 0.5 && p[1] < 0.4) ^ (rng.nextDouble() < 0.02);
            out.add(new WorldOutcome(w, w, "z", w, p, "?", holds, Double.NaN, "units"));
        }
        UncertaintyReport r = UncertaintyAnalysis.analyze("t", "latin-hypercube", 256, params, List.of("z"), out, Map.of(), null, 1);
        ClaimUncertainty z = r.claim("z");
        assertThat(z.box().restricted()).containsExactly(true, true, false, false, false, false);
        // In this sample peeling also restricted two inert parameters (by chance): the pruning removed them.
        assertThat(z.peeledBox().restrictedCount()).isEqualTo(4);
        assertThat(z.conditions()).matches("p0 >= 0\\.[45][0-9]* and p1 <= 0\\.[34][0-9]*");
        String md = owsim.report.ClaimsMarkdown.renderUncertainty(r);
        String cell = z.conditions() + " (coverage " + owsim.format.Readable.percent(z.box().coverage()) + ", density "
            + owsim.format.Readable.percent(z.box().density()) + ")";
        assertThat(md).contains("| z | ").contains(cell);
        assertThat(md).containsPattern("Holds when: p0 >= [0-9.]+ \\(\\+[0-9.]+ points of density, quasi-p < 0\\.001\\) and p1 <= [0-9.]+ \\(\\+[0-9.]+ points of density,"
            + " quasi-p < 0\\.001\\) \\(PRIM box; pruned from " + z.peeledBox().restrictedCount() + " restrictions");
        assertThat(owsim.report.ClaimsHtml.renderUncertainty(r)).contains(cell.replace(">", "&gt;").replace("<", "&lt;")).contains("quasi-p &lt; 0.001");
    }

    /**
     * On the committed 256 worlds every box restricts at most a handful of parameters, each
     * restriction worth its place; a box may keep none ("anywhere": no restriction raises the density enough).
     */
    @Test void theCommittedBoxesRestrictOnlyWhatMatters() {
        UncertaintyReport r = CommittedTable.report();
        int boxes = 0;
        for (ClaimUncertainty c : r.claims()) {
            if (c.box() == null) continue;
            boxes++;
            assertThat(c.box().restrictedCount()).as(c.claim()).isBetween(0, 5);
            assertThat(c.restrictions()).hasSize(c.box().restrictedCount());
            for (owsim.experiment.discovery.PrimRestriction x : c.restrictions()) {
                assertThat(x.densityGain()).as(c.claim()).isGreaterThanOrEqualTo(UncertaintyAnalysis.MIN_DENSITY_GAIN);
                assertThat(x.quasiP()).as(c.claim()).isLessThanOrEqualTo(UncertaintyAnalysis.SIGNIFICANCE / r.parameters().size());
            }
            assertThat(c.box().coverage()).as(c.claim()).isGreaterThanOrEqualTo(UncertaintyAnalysis.MIN_COVERAGE);
        }
        assertThat(boxes).isPositive();
    }
}
