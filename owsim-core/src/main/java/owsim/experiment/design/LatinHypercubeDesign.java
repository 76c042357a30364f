package owsim.experiment.design;

import java.util.List;
import owsim.io.Check;
import owsim.random.Distribution;
import owsim.random.Seeds;
import owsim.random.SplitMix64;

/**
 * Latin hypercube sampling (McKay, Beckman and Conover 1979, Technometrics 21:239): each
 * parameter's unit range is cut into {@code runs} equal strata and every stratum is used exactly
 * once, in an independent random order per parameter; within a stratum the point is uniform
 * (or the stratum's centre when {@code centred}). Seeded from the experiment's root seed.
 * A group of k shares ({@link Distribution.DirichletShare}) takes k - 1 such columns, mapped to
 * the simplex together by {@link Design#fromUnit}; the columns are drawn in the parameters'
 * order, so parameters appended after the others leave the earlier columns as they were.
 */
public record LatinHypercubeDesign(int runs, boolean centred) implements Design {
    public LatinHypercubeDesign {
        Check.positive("runs", runs);
    }

    public LatinHypercubeDesign(int runs) {
        this(runs, false);
    }

    @Override public String name() { return "latin-hypercube"; }

    @Override public long runCount(List<Parameter> parameters) { return runs; }

    @Override public SampleMatrix sample(List<Parameter> parameters, long rootSeed) {
        Design.requireParameters(name(), parameters);
        int k = parameters.size();
        SplitMix64 rng = Seeds.stream(rootSeed, name());
        double[] unit = new double[Design.cells(name(), runs, k)];
        int[] perm = new int[runs];
        for (int j = 0; j < k; j++) {
            // A group of shares draws one coordinate fewer than it has shares (the last takes the
            // rest), so that column consumes nothing from the stream.
            if (parameters.get(j).distribution() instanceof Distribution.DirichletShare s && s.component() == s.concentrations().length - 1) continue;
            for (int i = 0; i < runs; i++) perm[i] = i;
            rng.shuffle(perm);
            for (int i = 0; i < runs; i++) {
                double within = centred ? 0.5 : rng.nextDouble();
                unit[i * k + j] = (perm[i] + within) / runs;
            }
        }
        return Design.fromUnit(name(), parameters, runs, unit);
    }
}
