package owsim.experiment.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import owsim.random.Distribution;

/** A way of choosing the runs of an experiment: parameters in, sample matrix out. */
public interface Design {
    /** The design's name as written in an experiment file. */
    String name();

    /** How many runs the design makes for these parameters (before replications). */
    long runCount(List<Parameter> parameters);

    /**
     * The runs, one row each, for these parameters. Designs with randomness of their own draw it
     * from {@link Seeds#stream(long, String)} of {@code rootSeed}; deterministic ones ignore it.
     */
    SampleMatrix sample(List<Parameter> parameters, long rootSeed);

    /**
     * Maps a row-major unit-hypercube matrix through each parameter's inverse CDF; the shares of
     * a group ({@link Distribution.DirichletShare}) are mapped together from the group's first
     * k - 1 coordinates ({@link Distribution.DirichletShare#shares}), so they sum to 1 in every run.
     */
    static SampleMatrix fromUnit(String design, List<Parameter> parameters, int runs, double[] unit) {
        int k = parameters.size();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < k; j++) {
            if (parameters.get(j).distribution() instanceof Distribution.DirichletShare s) groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(j);
        }
        List<int[]> columns = new ArrayList<>();
        List<double[]> concentrations = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            Distribution.DirichletShare first = (Distribution.DirichletShare) parameters.get(g.getValue().get(0)).distribution();
            double[] a = first.concentrations();
            if (g.getValue().size() != a.length) {
                throw new IllegalArgumentException(design + ": group '" + g.getKey() + "' has " + a.length + " concentrations and " + g.getValue().size() + " shares");
            }
            int[] cols = new int[a.length];
            for (int j : g.getValue()) {
                Distribution.DirichletShare s = (Distribution.DirichletShare) parameters.get(j).distribution();
                if (!java.util.Arrays.equals(s.concentrations(), a)) throw new IllegalArgumentException(design + ": group '" + g.getKey() + "' has two sets of concentrations");
                cols[s.component()] = j;
            }
            columns.add(cols);
            concentrations.add(a);
        }
        double[] v = new double[unit.length];
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < k; j++) {
                if (!(parameters.get(j).distribution() instanceof Distribution.DirichletShare)) v[i * k + j] = parameters.get(j).distribution().fromUnit(unit[i * k + j]);
            }
            for (int g = 0; g < columns.size(); g++) {
                int[] cols = columns.get(g);
                double[] u = new double[cols.length - 1];
                for (int c = 0; c < u.length; c++) u[c] = unit[i * k + cols[c]];
                double[] x = Distribution.DirichletShare.shares(concentrations.get(g), u);
                for (int c = 0; c < cols.length; c++) v[i * k + cols[c]] = x[c];
            }
        }
        return new SampleMatrix(design, parameters.stream().map(Parameter::path).toList(), runs, v);
    }

    /** runs x parameters as an array length, refused with the design's name when too large. */
    static int cells(String design, long runs, int parameters) {
        long n = runs * parameters;
        if (runs < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(design + ": " + runs + " runs x " + parameters
                + " parameters is more values than one sample matrix holds (2^31)");
        }
        return (int) n;
    }

    /** Refuses an empty parameter list, naming the design. */
    static void requireParameters(String design, List<Parameter> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException(design + ": needs at least one parameter");
        }
    }
}
