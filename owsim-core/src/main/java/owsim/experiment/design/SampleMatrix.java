package owsim.experiment.design;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The runs of an experiment: {@code runs} rows of values, one column per parameter path, in the
 * parameters' own units. Stored row-major in one primitive array. Run i's seed is
 * {@link Seeds#run(long, long) Seeds.run(rootSeed, i)}, whatever the order runs are executed in.
 */
public final class SampleMatrix {
    private final String design;
    private final List<String> paths;
    private final int runs;
    private final double[] values;

    /** @param values row-major, {@code runs * paths.size()} long; copied */
    public SampleMatrix(String design, List<String> paths, int runs, double[] values) {
        this.design = design;
        this.paths = List.copyOf(paths);
        if (new HashSet<>(this.paths).size() != this.paths.size()) {
            throw new IllegalArgumentException("parameter paths must be distinct: " + paths);
        }
        if (runs < 0 || (long) runs * this.paths.size() != values.length) {
            throw new IllegalArgumentException("values has " + values.length + " numbers, expected " + runs
                + " runs x " + this.paths.size() + " parameters");
        }
        this.runs = runs;
        this.values = values.clone();
    }

    /** The design's name: "grid", "latin-hypercube", "sobol", "morris", "csv", "tornado". */
    public String design() { return design; }

    public List<String> paths() { return paths; }

    public int runs() { return runs; }

    public int parameters() { return paths.size(); }

    public double value(int run, int parameter) {
        return values[run * paths.size() + parameter];
    }

    /** A copy of run's values, in the order of {@link #paths()}. */
    public double[] row(int run) {
        int k = paths.size();
        double[] r = new double[k];
        System.arraycopy(values, run * k, r, 0, k);
        return r;
    }

    /** A copy of one parameter's values over all runs. */
    public double[] column(int parameter) {
        double[] c = new double[runs];
        for (int i = 0; i < runs; i++) c[i] = value(i, parameter);
        return c;
    }

    /** Index of a path, or -1. */
    public int indexOf(String path) { return paths.indexOf(path); }

    /** A copy of every row, for printing and small tests. */
    public List<double[]> rows() {
        List<double[]> list = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) list.add(row(i));
        return list;
    }
}
