package owsim.experiment.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import owsim.experiment.ExperimentSpec;
import owsim.experiment.ParameterSpec;
import owsim.experiment.analysis.GridMeans;
import owsim.experiment.analysis.MorrisAnalysis;
import owsim.experiment.analysis.MorrisResult;
import owsim.experiment.analysis.ReplicationSummary;
import owsim.experiment.analysis.SobolAnalysis;
import owsim.experiment.analysis.SobolResult;
import owsim.experiment.analysis.Tornado;
import owsim.experiment.design.Design;
import owsim.experiment.design.GridDesign;
import owsim.experiment.design.MorrisDesign;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SobolDesign;
import owsim.experiment.design.TornadoDesign;
import owsim.io.InputException;
import owsim.io.StrictYaml;

/**
 * What a results file says: per metric the mean over all stored runs with its 95 % interval, the
 * mean width of the replication intervals per design point, and the design's sensitivity indices
 * (Sobol S1/ST with bootstrap intervals, or Morris mu and sigma) when every run is stored.
 *
 * @param name the experiment's name
 * @param design the design's name
 * @param runs runs stored
 * @param totalRuns runs in the experiment
 * @param summaries per metric, over all stored runs
 * @param pointHalfWidths per metric, the mean 95 % half-width over design points (NaN with one replication)
 * @param sobol per metric, when the design is sobol and complete
 * @param morris per metric, when the design is morris and complete
 * @param tornado per metric, when the design is tornado and complete
 * @param grid per metric, when the design is a grid of two or more parameters: the means by the first two
 * @param notes why an analysis was left out
 */
public record ResultsAnalysis(String name, String design, int runs, int totalRuns, List<String> parameters, List<ReplicationSummary> summaries,
                              double[] pointHalfWidths, List<SobolResult> sobol, List<MorrisResult> morris, List<Tornado> tornado,
                              List<GridMeans> grid, List<String> notes) {
    /** Bootstrap resamples for the sensitivity intervals. */
    public static final int BOOTSTRAP = 1000;
    /** Confidence of every interval. */
    public static final double CONFIDENCE = 0.95;

    /** Analyses a results file. */
    public static ResultsAnalysis of(ResultStore store) throws SQLException {
        Map<String, String> meta = store.meta();
        ExperimentSpec spec = new StrictYaml().read(meta.get("source") + " (as stored)", meta.get("experiment_yaml"), ExperimentSpec.class);
        List<Parameter> params = owsim.experiment.Experiments.storedParameters(spec, meta.get(ResultStore.SHARE_CONCENTRATIONS));
        Design design = spec.design().toDesign(Path.of("."));
        int reps = spec.replications();
        List<String> metrics = List.of(meta.get("metrics").split("\n"));
        int points = design instanceof SobolDesign || design instanceof MorrisDesign || design instanceof TornadoDesign ? (int) design.runCount(params) : -1;
        int stored = store.runCount();
        int total = points >= 0 ? points * reps : stored;
        List<ReplicationSummary> summaries = new ArrayList<>();
        double[] halfWidths = new double[metrics.size()];
        List<SobolResult> sobol = new ArrayList<>();
        List<MorrisResult> morris = new ArrayList<>();
        List<Tornado> tornado = new ArrayList<>();
        List<GridMeans> grid = new ArrayList<>();
        boolean gridMap = design instanceof GridDesign && params.size() >= 2 && stored > 0;
        double[] rowIn = gridMap ? store.column(ResultStore.inColumn(params.get(0).path())) : null;
        double[] colIn = gridMap ? store.column(ResultStore.inColumn(params.get(1).path())) : null;
        int[] rows = intColumn(store, "design_row");
        List<String> notes = new ArrayList<>();
        if (points >= 0 && stored < total) notes.add(design.name() + " indices need every run: " + stored + " of " + total + " are stored (resume the sweep)");
        for (int m = 0; m < metrics.size(); m++) {
            String metric = metrics.get(m);
            double[] v = store.column(ResultStore.OUT + metric);
            summaries.add(ReplicationSummary.of(metric, finite(v), CONFIDENCE));
            halfWidths[m] = meanPointHalfWidth(metric, v, rows, reps);
            if (gridMap) grid.add(GridMeans.of(metric, params.get(0).path(), rowIn, params.get(1).path(), colIn, v));
            if (points >= 0 && stored == total) {
                double[] perPoint = perPointMeans(v, reps);
                try {
                    if (design instanceof TornadoDesign t) {
                        tornado.add(Tornado.build(metric, t.sample(params, spec.rootSeed()), perPoint));
                    } else if (design instanceof SobolDesign s) {
                    sobol.add(new SobolAnalysis(BOOTSTRAP, CONFIDENCE, spec.rootSeed()).analyze(metric, s.saltelli(params), perPoint));
                } else {
                    morris.add(new MorrisAnalysis(BOOTSTRAP, CONFIDENCE, spec.rootSeed())
                        .analyze(metric, ((MorrisDesign) design).trajectories(params, spec.rootSeed()), perPoint));
                    }
                } catch (IllegalArgumentException e) {
                    notes.add(metric + ": no sensitivity indices: " + e.getMessage());
                }
            }
        }
        return new ResultsAnalysis(spec.name(), design.name(), stored, total, params.stream().map(Parameter::path).toList(),
            summaries, halfWidths, sobol, morris, tornado, grid, notes);
    }

    private static double[] finite(double[] v) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).toArray();
        if (f.length == 0) throw InputException.ofField("results", "no finite values");
        return f;
    }

    private static double[] perPointMeans(double[] v, int reps) {
        double[] out = new double[v.length / reps];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int r = 0; r < reps; r++) s += v[i * reps + r];
            out[i] = s / reps;
        }
        return out;
    }

    private static double meanPointHalfWidth(String metric, double[] v, int[] rows, int reps) {
        if (reps < 2) return Double.NaN;
        double sum = 0;
        int n = 0;
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j < v.length && rows[j] == rows[i]) j++;
            if (j - i >= 2) {
                sum += ReplicationSummary.of(metric, Arrays.copyOfRange(v, i, j), CONFIDENCE).halfWidth();
                n++;
            }
            i = j;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static int[] intColumn(ResultStore store, String name) throws SQLException {
        double[] d = store.column(name);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) out[i] = (int) d[i];
        return out;
    }
}
