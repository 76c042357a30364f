package owsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import owsim.experiment.analysis.SobolAnalysis;
import owsim.experiment.analysis.SobolResult;
import owsim.random.Distribution;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SaltelliSample;
import owsim.experiment.design.SobolDesign;

/**
 * The cost of a Sobol sensitivity study apart from its runs: Saltelli sampling of 20 parameters
 * at N = 1024 (22,528 runs), the indices with and without 1,000 bootstrap resamples, and, for
 * scale, evaluating a cheap analytic model (Sobol's G function) on every run. A market run takes
 * milliseconds or more, so 22,528 of them take minutes; sampling and analysis should be a few
 * hundred milliseconds at most.
 *
 * <pre>
 * mvn -B -q -pl owsim-bench -am package -DskipTests
 * java -jar owsim-bench/target/benchmarks.jar SobolSensitivityBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SobolSensitivityBenchmark {
    private static final int PARAMETERS = 20;
    private static final int BASE_RUNS = 1024;

    @Param({"0", "1000"})
    public int bootstrapResamples;

    private List<Parameter> parameters;
    private double[] importance;
    private SaltelliSample sample;
    private double[] outputs;

    @Setup public void setUp() {
        parameters = new ArrayList<>();
        importance = new double[PARAMETERS];
        for (int i = 0; i < PARAMETERS; i++) {
            parameters.add(new Parameter("p" + i, new Distribution.Uniform(0, 1)));
            importance[i] = i < 4 ? i : 99;  // G-function a_i: four influential, sixteen nearly inert
        }
        sample = new SobolDesign(BASE_RUNS).saltelli(parameters);
        outputs = evaluate(sample, importance);
    }

    static double[] evaluate(SaltelliSample s, double[] a) {
        double[] y = new double[s.matrix().runs()];
        for (int r = 0; r < y.length; r++) {
            double p = 1;
            for (int i = 0; i < a.length; i++) p *= (Math.abs(4 * s.matrix().value(r, i) - 2) + a[i]) / (1 + a[i]);
            y[r] = p;
        }
        return y;
    }

    @Benchmark public SaltelliSample saltelliSampling() {
        return new SobolDesign(BASE_RUNS).saltelli(parameters);
    }

    @Benchmark public double[] cheapModelOnEveryRun() {
        return evaluate(sample, importance);
    }

    @Benchmark public SobolResult sobolIndices() {
        return new SobolAnalysis(bootstrapResamples, 0.95, 42).analyze("g", sample, outputs);
    }
}
