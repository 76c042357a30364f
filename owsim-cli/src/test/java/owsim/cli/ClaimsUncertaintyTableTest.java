package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.claims.uncertainty.ClaimUncertainty;
import owsim.claims.uncertainty.UncertaintyAnalysis;
import owsim.claims.uncertainty.UncertaintyReport;
import owsim.claims.uncertainty.WorldOutcome;
import owsim.experiment.design.Parameter;
import owsim.random.Distribution;
import owsim.random.SplitMix64;

/** The command line's table under uncertainty shows the pruned PRIM box with its coverage and density. */
class ClaimsUncertaintyTableTest {
    @Test void theTableShowsThePrunedBoxWithCoverageAndDensity() {
        // Claim z holds when p0 > 0.5 and p1 < 0.4 (one world in 50 flipped) among six parameters; claim y everywhere.
        SplitMix64 rng = new SplitMix64(2);
        List<Parameter> params = new ArrayList<>();
        for (int j = 0; j < 6; j++) params.add(new Parameter("p" + j, new Distribution.Uniform(0, 1)));
        List<WorldOutcome> out = new ArrayList<>();
        for (int w = 0; w < 256; w++) {
            double[] p = new double[6];
            for (int j = 0; j < 6; j++) p[j] = rng.nextDouble();
            boolean holds = (p[0] > 0.5 && p[1] < 0.4) ^ (rng.nextDouble() < 0.02);
            out.add(new WorldOutcome(2 * w, w, "z", w, p, "?", holds, Double.NaN, "units"));
            out.add(new WorldOutcome(2 * w + 1, w, "y", w, p, "HOLDS", true, 1, "units"));
        }
        UncertaintyReport r = UncertaintyAnalysis.analyze("t", "latin-hypercube", 256, params, List.of("z", "y"), out, Map.of(), null, 1);
        ClaimUncertainty z = r.claim("z");
        String table = ClaimsCommand.uncertaintyTable(r);
        String line = table.lines().filter(l -> l.startsWith("z ")).findFirst().orElseThrow();
        assertThat(line).containsPattern("p0 >= 0\\.[0-9]+ and p1 <= 0\\.[0-9]+ \\(coverage [0-9.]+%, density [0-9.]+%\\)");
        assertThat(line).contains(String.format(java.util.Locale.ROOT, "coverage %.1f%%, density %.1f%%", 100 * z.box().coverage(), 100 * z.box().density()));
        assertThat(line).doesNotContain("p2").doesNotContain("p3").doesNotContain("p4").doesNotContain("p5");
        assertThat(table.lines().filter(l -> l.startsWith("y ")).findFirst().orElseThrow()).contains("everywhere").doesNotContain("coverage");
    }
}
