package owsim.experiment.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import owsim.random.Distribution;

class DesignsTest {
    private static List<Parameter> uniform(int k) {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < k; i++) ps.add(new Parameter("p" + i, new Distribution.Uniform(0, 1)));
        return ps;
    }

    @Test
    void gridIsTheFullFactorialWithTheLastParameterFastest() {
        List<Parameter> ps = List.of(
            new Parameter("a", new Distribution.Uniform(0, 10)),
            new Parameter("b", new Distribution.Discrete(new double[] {1, 2})),
            new Parameter("c", new Distribution.LogUniform(1, 100)));
        GridDesign g = new GridDesign(3, Map.of("c", 2));
        SampleMatrix m = g.sample(ps, 0);
        assertThat(g.runCount(ps)).isEqualTo(12);
        assertThat(m.runs()).isEqualTo(12);
        assertThat(m.row(0)).containsExactly(0, 1, 1);
        assertThat(m.row(1)).containsExactly(0, 1, 100);
        assertThat(m.row(2)).containsExactly(0, 2, 1);
        assertThat(m.row(11)).containsExactly(10, 2, 100);
        Set<String> distinct = new HashSet<>();
        for (double[] r : m.rows()) distinct.add(java.util.Arrays.toString(r));
        assertThat(distinct).hasSize(12);
    }

    @Test
    void oversizedGridIsRefusedWithTheCount() {
        assertThatThrownBy(() -> new GridDesign(10).sample(uniform(8), 0))
            .hasMessageContaining("100000000 runs").hasMessageContaining("latin-hypercube");
        assertThatThrownBy(() -> new GridDesign(3, Map.of("nope", 2)).sample(uniform(2), 0))
            .hasMessageContaining("'nope'");
    }

    @Test
    void latinHypercubeUsesEveryStratumOnceAndIsReproducible() {
        int n = 50;
        LatinHypercubeDesign d = new LatinHypercubeDesign(n);
        SampleMatrix m = d.sample(uniform(4), 7);
        for (int j = 0; j < 4; j++) {
            boolean[] hit = new boolean[n];
            for (double v : m.column(j)) {
                int s = (int) (v * n);
                assertThat(hit[s]).isFalse();
                hit[s] = true;
            }
        }
        assertThat(d.sample(uniform(4), 7).rows()).usingRecursiveComparison().isEqualTo(m.rows());
        assertThat(d.sample(uniform(4), 8).row(0)).isNotEqualTo(m.row(0));
        SampleMatrix centred = new LatinHypercubeDesign(4, true).sample(uniform(1), 1);
        assertThat(centred.column(0)).containsExactlyInAnyOrder(0.125, 0.375, 0.625, 0.875);
    }

    @Test
    void saltelliHasNTimesKPlus2RunsAndTheABLayout() {
        List<Parameter> ps = uniform(20);
        SobolDesign d = new SobolDesign(1024);
        assertThat(d.runCount(ps)).isEqualTo(22_528);
        SaltelliSample s = d.saltelli(ps);
        assertThat(s.matrix().runs()).isEqualTo(22_528);
        for (int j : new int[] {0, 1, 517, 1023}) {
            double[] a = s.matrix().row(s.indexA(j));
            double[] b = s.matrix().row(s.indexB(j));
            double[] sobolPoint = new SobolSequence(40).point(j);
            for (int c = 0; c < 20; c++) {
                assertThat(a[c]).isEqualTo(sobolPoint[c]);
                assertThat(b[c]).isEqualTo(sobolPoint[20 + c]);
            }
            for (int i = 0; i < 20; i++) {
                double[] ab = s.matrix().row(s.indexAB(i, j));
                for (int c = 0; c < 20; c++) assertThat(ab[c]).isEqualTo(c == i ? b[c] : a[c]);
            }
        }
    }

    @Test
    void morrisTrajectoriesMoveEachParameterOnceByDeltaOnTheGrid() {
        int k = 6;
        int p = 4;
        MorrisDesign d = new MorrisDesign(10, p, 40);
        MorrisSample s = d.trajectories(uniform(k), 3);
        assertThat(s.matrix().runs()).isEqualTo(10 * (k + 1));
        double delta = d.delta();
        assertThat(delta).isCloseTo(2.0 / 3, within(1e-15));
        for (int t = 0; t < 10; t++) {
            Set<Integer> moved = new HashSet<>();
            for (int st = 0; st < k; st++) {
                double[] before = s.matrix().row(s.run(t, st));
                double[] after = s.matrix().row(s.run(t, st + 1));
                int f = s.factor(t, st);
                assertThat(moved.add(f)).isTrue();
                for (int c = 0; c < k; c++) {
                    if (c == f) assertThat(after[c] - before[c]).isCloseTo(s.step(t, st), within(1e-12));
                    else assertThat(after[c]).isEqualTo(before[c]);
                    // on the p-level grid {0, 1/3, 2/3, 1}
                    assertThat(after[c] * (p - 1)).isCloseTo(Math.rint(after[c] * (p - 1)), within(1e-12));
                }
                assertThat(Math.abs(s.step(t, st))).isCloseTo(delta, within(1e-15));
            }
            assertThat(moved).hasSize(k);
        }
    }

    @Test
    void campolongoSelectionSpreadsTrajectoriesMoreThanTheFirstDrawn() {
        int k = 5;
        MorrisSample chosen = new MorrisDesign(8, 4, 64).trajectories(uniform(k), 9);
        MorrisSample plain = new MorrisDesign(8, 4, 0).trajectories(uniform(k), 9);
        assertThat(spread(chosen, k)).isGreaterThan(spread(plain, k));
    }

    private static double spread(MorrisSample s, int k) {
        double total = 0;
        for (int a = 0; a < s.trajectories(); a++) {
            for (int b = a + 1; b < s.trajectories(); b++) {
                double d = 0;
                for (int i = 0; i <= k; i++) {
                    for (int j = 0; j <= k; j++) {
                        double[] p = s.matrix().row(s.run(a, i));
                        double[] q = s.matrix().row(s.run(b, j));
                        double ss = 0;
                        for (int c = 0; c < k; c++) ss += (p[c] - q[c]) * (p[c] - q[c]);
                        d += Math.sqrt(ss);
                    }
                }
                total += d * d;
            }
        }
        return Math.sqrt(total);
    }

    @Test
    void tornadoRunsAreBaseThenLowAndHighOfEachParameter() {
        List<Parameter> ps = List.of(
            new Parameter("a", new Distribution.Uniform(0, 10)),
            new Parameter("b", new Distribution.Uniform(100, 200)));
        SampleMatrix m = new TornadoDesign().sample(ps, 0);
        assertThat(m.runs()).isEqualTo(5);
        assertThat(m.row(0)).containsExactly(5, 150);
        assertThat(m.row(1)).containsExactly(0, 150);
        assertThat(m.row(2)).containsExactly(10, 150);
        assertThat(m.row(3)).containsExactly(5, 100);
        assertThat(m.row(4)).containsExactly(5, 200);
    }
}
