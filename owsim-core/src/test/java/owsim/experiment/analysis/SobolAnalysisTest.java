package owsim.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.random.Distribution;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SaltelliSample;
import owsim.experiment.design.SobolDesign;

class SobolAnalysisTest {
    private static final List<Parameter> ISHIGAMI = List.of(
        new Parameter("x1", new Distribution.Uniform(-Math.PI, Math.PI)),
        new Parameter("x2", new Distribution.Uniform(-Math.PI, Math.PI)),
        new Parameter("x3", new Distribution.Uniform(-Math.PI, Math.PI)));

    static double[] evaluate(SaltelliSample s, java.util.function.ToDoubleFunction<double[]> f) {
        double[] y = new double[s.matrix().runs()];
        for (int i = 0; i < y.length; i++) y[i] = f.applyAsDouble(s.matrix().row(i));
        return y;
    }

    @Test
    void ishigamiIndicesMatchAnalyticWithin002AtN8192() {
        SaltelliSample s = new SobolDesign(8192).saltelli(ISHIGAMI);
        SobolResult r = new SobolAnalysis(200, 0.95, 42).analyze("y", s, evaluate(s, TestFunctions::ishigami));
        double[] first = TestFunctions.ishigamiFirst();
        double[] total = TestFunctions.ishigamiTotal();
        for (int i = 0; i < 3; i++) {
            SobolIndex ix = r.indices().get(i);
            System.out.printf("x%d S=%.4f (analytic %.4f) ci [%.4f, %.4f]  ST=%.4f (analytic %.4f) ci [%.4f, %.4f]%n", i + 1,
                ix.first(), first[i], ix.firstCi().low(), ix.firstCi().high(), ix.total(), total[i], ix.totalCi().low(), ix.totalCi().high());
            assertThat(ix.first()).as("S%d", i + 1).isCloseTo(first[i], within(0.02));
            assertThat(ix.total()).as("ST%d", i + 1).isCloseTo(total[i], within(0.02));
        }
        assertThat(r.variance()).isCloseTo(TestFunctions.ishigamiVariance(), within(0.02 * TestFunctions.ishigamiVariance()));
    }

    @Test
    void gFunctionIndicesMatchAnalyticIn8Dimensions() {
        double[] a = {0, 1, 4.5, 9, 99, 99, 99, 99};
        java.util.List<Parameter> ps = new java.util.ArrayList<>();
        for (int i = 0; i < a.length; i++) ps.add(new Parameter("x" + (i + 1), new Distribution.Uniform(0, 1)));
        SaltelliSample s = new SobolDesign(4096).saltelli(ps);
        SobolResult r = new SobolAnalysis(0, 0.95, 1).analyze("g", s, evaluate(s, x -> TestFunctions.gFunction(x, a)));
        double[][] exact = TestFunctions.gIndices(a);
        for (int i = 0; i < a.length; i++) {
            SobolIndex ix = r.indices().get(i);
            System.out.printf("G x%d S=%.4f (analytic %.4f) ST=%.4f (analytic %.4f)%n", i + 1, ix.first(), exact[0][i], ix.total(), exact[1][i]);
            assertThat(ix.first()).isCloseTo(exact[0][i], within(0.02));
            assertThat(ix.total()).isCloseTo(exact[1][i], within(0.02));
        }
    }

    @Test
    void bootstrapIsReproducibleBySeedAndItsIntervalsCoverIshigami() {
        SaltelliSample s = new SobolDesign(1024).saltelli(ISHIGAMI);
        double[] y = evaluate(s, TestFunctions::ishigami);
        SobolResult r1 = new SobolAnalysis(500, 0.95, 7).analyze("y", s, y);
        SobolResult r2 = new SobolAnalysis(500, 0.95, 7).analyze("y", s, y);
        assertThat(r1).isEqualTo(r2);
        double[] first = TestFunctions.ishigamiFirst();
        double[] total = TestFunctions.ishigamiTotal();
        for (int i = 0; i < 3; i++) {
            SobolIndex ix = r1.indices().get(i);
            assertThat(ix.firstCi().contains(first[i])).as("S%d in %s", i + 1, ix.firstCi()).isTrue();
            assertThat(ix.totalCi().contains(total[i])).as("ST%d in %s", i + 1, ix.totalCi()).isTrue();
        }
    }

    @Test
    void constantOutputOrNonFiniteOutputIsRefusedWithTheRun() {
        SaltelliSample s = new SobolDesign(8).saltelli(ISHIGAMI);
        double[] y = new double[s.matrix().runs()];
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SobolAnalysis(0, 0.95, 1).analyze("cash", s, y))
            .hasMessageContaining("does not vary");
        y[3] = Double.NaN;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SobolAnalysis(0, 0.95, 1).analyze("cash", s, y))
            .hasMessageContaining("cash: run 3 gave NaN");
    }
}
