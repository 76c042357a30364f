package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import owsim.experiment.analysis.GridMeans;
import owsim.experiment.analysis.MorrisEffect;
import owsim.experiment.analysis.MorrisResult;
import owsim.experiment.analysis.SobolIndex;
import owsim.experiment.analysis.SobolResult;
import owsim.experiment.analysis.Tornado;
import owsim.experiment.analysis.TornadoBar;
import owsim.report.chart.BarChart;
import owsim.report.chart.HeatMap;
import owsim.report.chart.ScatterChart;
import owsim.report.chart.Style;
import owsim.report.chart.TickFormat;

/**
 * The charts of the analysis page: Sobol S1 and ST as bars with their bootstrap intervals, Morris
 * mu* (with its interval) and sigma as bars and as a mu*-sigma scatter, a tornado's changes at each
 * parameter's low and high value, and a grid design's mean as a heat map.
 */
final class AnalysisCharts {
    private AnalysisCharts() {}

    private static final String PARAMETER = "parameter";

    /** Parameters by total index, largest first (ties in the analysis' order). */
    static BarChart sobol(SobolResult r) {
        List<SobolIndex> l = new ArrayList<>(r.indices());
        l.sort((x, y) -> Double.compare(y.total(), x.total()));
        int n = l.size();
        double[][] v = new double[6][n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SobolIndex s = l.get(i);
            names.add(s.path());
            v[0][i] = s.first();
            v[1][i] = s.firstCi().low();
            v[2][i] = s.firstCi().high();
            v[3][i] = s.total();
            v[4][i] = s.totalCi().low();
            v[5][i] = s.totalCi().high();
        }
        return new BarChart("Sobol indices of " + r.metric() + " (95% bootstrap intervals)", PARAMETER, "share of the output's variance",
            TickFormat.plain(), AnalysisCharts::index, names, List.of(
                new BarChart.Bars("S1 (first order)", Style.color(0), v[0], v[1], v[2]),
                new BarChart.Bars("ST (total)", Style.color(1), v[3], v[4], v[5])), new double[0]);
    }

    /** mu* with its interval and sigma, in the analysis' ranking. */
    static BarChart morrisBars(MorrisResult r) {
        Quantity q = ExperimentReport.quantity(r.metric());
        int n = r.ranking().size();
        double[][] v = new double[4][n];
        for (int i = 0; i < n; i++) {
            MorrisEffect e = r.of(r.ranking().get(i));
            v[0][i] = e.muStar();
            v[1][i] = e.muStarCi().low();
            v[2][i] = e.muStarCi().high();
            v[3][i] = e.sigma();
        }
        return new BarChart("Morris μ* and σ of " + r.metric() + " (μ* with its 95% interval)", PARAMETER,
            "change of " + r.metric() + " per unit of cumulative probability", q::tickLabels, text(q), r.ranking(), List.of(
                new BarChart.Bars("μ* (mean absolute effect)", Style.color(0), v[0], v[1], v[2]),
                new BarChart.Bars("σ (spread of the effects)", Style.color(1), v[3])), new double[0]);
    }

    /** mu* across, sigma up: parameters above the diagonal act through interactions or non-linearly. */
    static ScatterChart morrisScatter(MorrisResult r) {
        Quantity q = ExperimentReport.quantity(r.metric());
        List<ScatterChart.Point> points = new ArrayList<>();
        for (String p : r.ranking()) {
            MorrisEffect e = r.of(p);
            points.add(new ScatterChart.Point(p, e.muStar(), e.sigma(), e.muStarCi().low(), e.muStarCi().high()));
        }
        return new ScatterChart("Morris screening of " + r.metric() + ": μ* against σ (dashed: σ = μ*)", "μ*", "σ", q::tickLabels, text(q),
            points, true);
    }

    /** The change of the metric with each parameter alone at its low and at its high value. */
    static BarChart tornado(Tornado t) {
        Quantity q = ExperimentReport.quantity(t.metric());
        int n = t.bars().size();
        double[] low = new double[n];
        double[] high = new double[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TornadoBar b = t.bars().get(i);
            names.add(b.path());
            low[i] = b.lowEffect();
            high[i] = b.highEffect();
        }
        return new BarChart("Tornado of " + t.metric() + " (change from the base run, " + q.format(t.baseOutput(), ExperimentReport.DIGITS) + ")",
            PARAMETER, "change of " + t.metric(), q::tickLabels, text(q), names, List.of(
                new BarChart.Bars("at the parameter's low value", Style.color(0), low),
                new BarChart.Bars("at the parameter's high value", Style.color(1), high)), new double[0]);
    }

    /** The grid's mean by its first two parameters, each cell with its value and runs. */
    static HeatMap grid(GridMeans g, boolean moreParameters) {
        Quantity q = ExperimentReport.quantity(g.metric());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int rows = g.rowLevels().length;
        int cols = g.colLevels().length;
        String[][] text = new String[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = g.mean()[r][c];
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                text[r][c] = Double.isFinite(v) ? q.format(v, ExperimentReport.DIGITS) + " (" + g.runs()[r][c] + ")" : "";
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        return new HeatMap("Mean of " + g.metric() + " over the grid (runs in the cell)" + (moreParameters ? ", other parameters averaged" : ""),
            g.rowPath(), g.colPath(), levels(g.rowPath(), g.rowLevels()), levels(g.colPath(), g.colLevels()), g.mean(), text, lo, hi,
            q.format(lo, ExperimentReport.DIGITS), q.format(hi, ExperimentReport.DIGITS));
    }

    private static List<String> levels(String path, double[] levels) {
        Quantity q = ExperimentReport.quantity(path);
        List<String> out = new ArrayList<>();
        for (double v : levels) out.add(q.format(v, ExperimentReport.DIGITS));
        return out;
    }

    private static String index(double v) {
        return owsim.format.Readable.fixed(v, 3);
    }

    private static DoubleFunction<String> text(Quantity q) {
        return v -> q.format(v, ExperimentReport.DIGITS);
    }
}
