package owsim.market;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One user class's choice over the labs its members may know, by the exact subset sum and by the
 * integral, at 4 to 20 labs. The class is like the default world's: 6 options per lab (plan,
 * free tier, API, two hosts, self-hosting), weights exp(V) with V from -4 to 2, two thirds of the
 * options held, 10% churn, a switching cost of 1 util, awareness from 0.05 to 0.95. The benchmark
 * lives in the core's package to reach its package-private choice classes.
 *
 * <pre>
 * java -jar owsim-bench/target/benchmarks.jar ChoiceBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ChoiceBenchmark {
    static final int OPTIONS_PER_LAB = 6;

    @Param({"4", "8", "12", "20"})
    int labs;

    @Param({"exact", "integral"})
    String method;

    private KnownLabsLogit logit;
    private double[] known;
    private double[] labWeight;
    private int[] holderLab;
    private double[] holderMass;
    private double[] holderExtra;

    @Setup
    public void setup() {
        int options = labs * OPTIONS_PER_LAB;
        logit = method.equals("exact") ? new EnumeratedKnownLabs(labs, options) : new IntegralKnownLabs(labs, options);
        SplittableRandom r = new SplittableRandom(42);
        known = new double[labs];
        labWeight = new double[labs];
        for (int l = 0; l < labs; l++) known[l] = 0.05 + 0.9 * r.nextDouble();
        holderLab = new int[options];
        holderMass = new double[options];
        holderExtra = new double[options];
        int holders = 0;
        for (int o = 0; o < options; o++) {
            double expV = Math.exp(-4 + 6 * r.nextDouble());
            labWeight[o / OPTIONS_PER_LAB] += expV;
            if (r.nextDouble() < 2.0 / 3) {
                holderLab[holders] = o / OPTIONS_PER_LAB;
                holderMass[holders] = 0.1 * r.nextDouble() / options;
                holderExtra[holders] = (Math.E - 1) * expV;
                holders++;
            }
        }
        holderLab = java.util.Arrays.copyOf(holderLab, holders);
        logit.awareness(known);
    }

    @Benchmark
    public double classChoice() {
        System.arraycopy(labWeight, 0, logit.labWeight, 0, labs);
        logit.clearHolders();
        for (int h = 0; h < holderLab.length; h++) logit.addHolder(holderLab[h], holderMass[h], holderExtra[h]);
        logit.outsideMass = 0.05;
        logit.solve();
        return logit.outsideShare + logit.labShare[0];
    }
}
