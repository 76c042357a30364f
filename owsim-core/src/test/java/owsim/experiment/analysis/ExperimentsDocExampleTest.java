package owsim.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.random.Distribution;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SaltelliSample;
import owsim.experiment.design.SampleMatrix;
import owsim.random.Seeds;
import owsim.experiment.design.SobolDesign;

/** The example of docs/EXPERIMENTS.md ("Using the library"), kept identical so the docs run. */
class ExperimentsDocExampleTest {
    /** Stand-in for a market run: any function of the run's parameters and seed. */
    static double runModel(double[] x, long seed) {
        return x[0] * Math.log(x[1]) + 0.01 * x[2];
    }

    @Test
    void docExample() {
        List<Parameter> parameters = List.of(
            new Parameter("labs.deepseek.researchers", new Distribution.Uniform(100, 1000)),
            new Parameter("market.hobbyists.count", new Distribution.LogUniform(1e4, 1e7)),
            new Parameter("labs.meta.openDelayMonths", new Distribution.Discrete(new double[] {0, 3, 6, 12})));
        long rootSeed = 20250101L;

        SaltelliSample design = new SobolDesign(1024).saltelli(parameters);   // 1024 x (3 + 2) = 5120 runs
        SampleMatrix runs = design.matrix();
        double[] metric = new double[runs.runs()];
        for (int i = 0; i < runs.runs(); i++) {
            metric[i] = runModel(runs.row(i), Seeds.run(rootSeed, i));        // the runner's job
        }
        SobolResult sobol = new SobolAnalysis(1000, 0.95, rootSeed).analyze("payoffUsd", design, metric);
        for (SobolIndex s : sobol.indices()) {
            System.out.printf("%-28s S = %.3f [%.3f, %.3f]  ST = %.3f%n",
                s.path(), s.first(), s.firstCi().low(), s.firstCi().high(), s.total());
        }

        assertThat(runs.runs()).isEqualTo(5120);
        // the discrete delay adds a small, purely additive term: least total effect
        assertThat(sobol.of("labs.meta.openDelayMonths").total()).isLessThan(sobol.of("labs.deepseek.researchers").total());
    }
}
