package owsim.experiment.design;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import owsim.io.Check;
import owsim.random.Distribution;
import owsim.random.Seeds;
import owsim.random.SplitMix64;

/**
 * Latin hypercube sampling (McKay, Beckman and Conover 1979, Technometrics 21:239): each
 * parameter's unit range is cut into {@code runs} equal strata and every stratum is used exactly
 * once, in an independent random order per parameter; within a stratum the point is uniform
 * (or the stratum's centre when {@code centred}). Seeded from the experiment's root seed.
 * The columns are drawn in the parameters' order, so a parameter appended after the others
 * leaves the earlier columns as they were. A group of k shares ({@link Distribution.DirichletShare})
 * takes k - 1 such columns, mapped to the simplex together by {@link Design#fromUnit}, drawn from
 * a stream of its own keyed by the group's name ({@code Seeds.stream(rootSeed, "latin-hypercube shares[g]")}),
 * so adding a group, or a parameter before it, changes no other column.
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
        Map<String, SplitMix64> groups = new HashMap<>();
        for (int j = 0; j < k; j++) {
            SplitMix64 r = rng;
            if (parameters.get(j).distribution() instanceof Distribution.DirichletShare s) {
                // A group of shares draws one coordinate fewer than it has shares (the last takes the
                // rest), from a stream of its own: adding a parameter or a group leaves it as it was.
                if (s.component() == s.concentrations().length - 1) continue;
                r = groups.computeIfAbsent(s.group(), g -> Seeds.stream(rootSeed, name() + " " + g));
            }
            for (int i = 0; i < runs; i++) perm[i] = i;
            r.shuffle(perm);
            for (int i = 0; i < runs; i++) {
                double within = centred ? 0.5 : r.nextDouble();
                unit[i * k + j] = (perm[i] + within) / runs;
            }
        }
        return Design.fromUnit(name(), parameters, runs, unit);
    }
}
