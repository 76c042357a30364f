package owsim.experiment.design;

import java.util.List;
import java.util.Map;
import owsim.io.Check;

/**
 * Full factorial: every combination of each parameter's levels. A continuous parameter gets
 * {@code levels} points at equal steps of cumulative probability from its minimum to its maximum
 * (so a uniform range gets evenly spaced values, a log-uniform one a geometric series); a
 * discrete parameter uses its own levels. Runs = product of the level counts; the last parameter
 * varies fastest.
 */
public record GridDesign(int levels, Map<String, Integer> levelsByPath) implements Design {
    /** The largest grid accepted: beyond it a sampling design is the right tool. */
    public static final long MAX_RUNS = 10_000_000;

    public GridDesign {
        Check.positive("levels", levels);
        levelsByPath = Map.copyOf(levelsByPath == null ? Map.of() : levelsByPath);
        levelsByPath.forEach((p, n) -> Check.positive("levels of " + p, n));
    }

    public GridDesign(int levels) {
        this(levels, Map.of());
    }

    @Override public String name() { return "grid"; }

    /** Product of the level counts, saturating at Long.MAX_VALUE. */
    @Override public long runCount(List<Parameter> parameters) {
        long n = 1;
        for (Parameter p : parameters) {
            n = Math.multiplyHigh(n, levelsOf(p).length) != 0 ? Long.MAX_VALUE : n * levelsOf(p).length;
            if (n == Long.MAX_VALUE) return n;
        }
        return n;
    }

    @Override public SampleMatrix sample(List<Parameter> parameters, long rootSeed) {
        Design.requireParameters(name(), parameters);
        for (String path : levelsByPath.keySet()) {
            if (parameters.stream().noneMatch(p -> p.path().equals(path))) {
                throw new IllegalArgumentException("grid levels given for '" + path + "', which is not a parameter");
            }
        }
        long total = runCount(parameters);
        if (total > MAX_RUNS) {
            throw new IllegalArgumentException("grid: " + (total == Long.MAX_VALUE ? "more than 2^63" : total)
                + " runs, above the limit of " + MAX_RUNS + "; use fewer levels or a sampling design"
                + " (latin-hypercube, sobol, morris)");
        }
        int k = parameters.size();
        int runs = (int) total;
        double[][] lv = new double[k][];
        for (int j = 0; j < k; j++) lv[j] = levelsOf(parameters.get(j));
        double[] v = new double[Design.cells(name(), runs, k)];
        int[] idx = new int[k];  // mixed-radix counter, last digit fastest
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < k; j++) v[i * k + j] = lv[j][idx[j]];
            for (int j = k - 1; j >= 0; j--) {
                if (++idx[j] < lv[j].length) break;
                idx[j] = 0;
            }
        }
        return new SampleMatrix(name(), parameters.stream().map(Parameter::path).toList(), runs, v);
    }

    private double[] levelsOf(Parameter p) {
        return p.distribution().gridLevels(levelsByPath.getOrDefault(p.path(), levels));
    }
}
