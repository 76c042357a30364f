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

    @Test void everyParameterOfTheShippedFileHasASourceOrAnAssumption() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "experiments", "claims-uncertainty.yaml"));
        int parameters = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().startsWith("- path:")) continue;
            parameters++;
            // The nearest comment block above the parameter says where its range comes from.
            int j = i - 1;
            while (j >= 0 && !lines.get(j).trim().startsWith("#")) j--;
            StringBuilder block = new StringBuilder();
            while (j >= 0 && lines.get(j).trim().startsWith("#")) block.insert(0, lines.get(j--));
            assertThat(block.toString()).as(lines.get(i)).containsAnyOf("assumption", "Assumption", "[");
        }
        assertThat(parameters).isGreaterThanOrEqualTo(10);
        UncertaintySet set = UncertaintySet.load(Path.of("..", "experiments", "claims-uncertainty.yaml"), null, List.of("a"));
        assertThat(set.worlds()).isEqualTo(256);
        assertThat(set.paths()).contains("segments[hobbyists].ecosystemWeight", "technology.communityProgressPerDerivativeGrowth");
    }
}
