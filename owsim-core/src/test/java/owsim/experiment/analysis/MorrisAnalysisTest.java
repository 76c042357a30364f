package owsim.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import owsim.random.Distribution;
import owsim.experiment.design.MorrisDesign;
import owsim.experiment.design.MorrisSample;
import owsim.experiment.design.Parameter;

class MorrisAnalysisTest {
    static double[] evaluate(MorrisSample s, ToDoubleFunction<double[]> f) {
        double[] y = new double[s.matrix().runs()];
        for (int i = 0; i < y.length; i++) y[i] = f.applyAsDouble(s.matrix().row(i));
        return y;
    }

    @Test
    void linearFunctionGivesItsCoefficientsTimesRangeExactly() {
        double[] c = {3, -2, 0.5, 0};
        List<Parameter> ps = List.of(
            new Parameter("a", new Distribution.Uniform(0, 1)),
            new Parameter("b", new Distribution.Uniform(10, 20)),
            new Parameter("c", new Distribution.Uniform(-4, 4)),
            new Parameter("d", new Distribution.Uniform(0, 100)));
        double[] range = {1, 10, 8, 100};
        MorrisSample s = new MorrisDesign(10, 4, 0).trajectories(ps, 7);
        MorrisResult r = new MorrisAnalysis(100, 0.95, 1).analyze("y", s, evaluate(s, x -> {
            double y = 0;
            for (int i = 0; i < c.length; i++) y += c[i] * x[i];
            return y;
        }));
        for (int i = 0; i < c.length; i++) {
            MorrisEffect e = r.effects().get(i);
            // dy/du = c_i (max_i - min_i) on every step: mu exact, sigma zero
            assertThat(e.mu()).isCloseTo(c[i] * range[i], within(1e-9));
            assertThat(e.muStar()).isCloseTo(Math.abs(c[i] * range[i]), within(1e-9));
            assertThat(e.sigma()).isCloseTo(0, within(1e-9));
        }
        assertThat(r.ranking()).containsExactly("b", "c", "a", "d");
    }

    @Test
    void gFunctionRankingFollowsItsImportanceCoefficients() {
        // Sobol's G function: the smaller a_i, the more important x_i (Saltelli et al. 2008, 3.7)
        double[] a = {0, 1, 4.5, 9, 99, 99, 99, 99};
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < a.length; i++) ps.add(new Parameter("x" + (i + 1), new Distribution.Uniform(0, 1)));
        MorrisSample s = new MorrisDesign(20, 4, 100).trajectories(ps, 2024);
        MorrisResult r = new MorrisAnalysis(200, 0.95, 3).analyze("g", s, evaluate(s, x -> TestFunctions.gFunction(x, a)));
        for (MorrisEffect e : r.effects()) System.out.printf("%s mu=%.4f mu*=%.4f sigma=%.4f%n", e.path(), e.mu(), e.muStar(), e.sigma());
        assertThat(r.ranking().subList(0, 4)).containsExactly("x1", "x2", "x3", "x4");
        double top = r.of("x1").muStar();
        for (int i = 5; i <= 8; i++) assertThat(r.of("x" + i).muStar()).isLessThan(0.05 * top);
    }

    @Test
    void ishigamiScreensX3AsInfluentialOnlyThroughInteraction() {
        List<Parameter> ps = List.of(
            new Parameter("x1", new Distribution.Uniform(-Math.PI, Math.PI)),
            new Parameter("x2", new Distribution.Uniform(-Math.PI, Math.PI)),
            new Parameter("x3", new Distribution.Uniform(-Math.PI, Math.PI)));
        MorrisSample s = new MorrisDesign(50, 4, 0).trajectories(ps, 11);
        MorrisResult r = new MorrisAnalysis(0, 0.95, 0).analyze("y", s, evaluate(s, TestFunctions::ishigami));
        // x3 acts only through b x3^4 sin x1: its effects change sign with x1, so |mu| << mu*
        MorrisEffect x3 = r.of("x3");
        assertThat(Math.abs(x3.mu())).isLessThan(0.5 * x3.muStar());
        assertThat(x3.sigma()).isGreaterThan(0);
    }
}
