package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.format.Readable;
import owsim.report.chart.Axis;
import owsim.report.chart.LineChart;
import owsim.report.chart.Series;
import owsim.report.chart.Style;
import owsim.serving.ParetoFrontier;
import owsim.serving.ParetoPoint;

/**
 * Serving frontiers as a chart of the shared chart module, the way serving benchmarks plot them:
 * tokens/s per user across, tokens/s per GPU up, one line per accelerator with a dot per
 * Pareto-optimal operating point (its layout, batch, speeds and cost on hover). Both axes start at
 * 0 with round ticks; an accelerator the model does not fit on keeps its legend entry, saying so.
 */
public final class ParetoChart {
    private ParetoChart() {}

    static final String X_NAME = "output tokens/s per user (interactivity)";
    static final String Y_NAME = "output tokens/s per GPU";

    /** The chart of the frontiers, one series per accelerator in the order given. */
    public static LineChart of(String title, List<ParetoFrontier> frontiers) {
        double maxX = 0;
        List<Series> lines = new ArrayList<>();
        List<Series.LegendKey> legend = new ArrayList<>();
        for (int i = 0; i < frontiers.size(); i++) {
            ParetoFrontier f = frontiers.get(i);
            List<ParetoPoint> pts = f.points();
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            List<String> tips = new ArrayList<>();
            for (int k = 0; k < pts.size(); k++) {
                ParetoPoint p = pts.get(k);
                x[k] = p.tokensPerSecondPerUser();
                y[k] = p.tokensPerSecondPerGpu();
                maxX = Math.max(maxX, x[k]);
                tips.add(describe(p));
            }
            String label = pts.isEmpty() ? f.hardware() + ": does not fit"
                : f.hardware() + " (" + f.weights() + " weights, " + f.kv() + " KV; " + pts.size() + " Pareto points of " + f.evaluated() + ")";
            Series s = new Series(label, Style.color(i), "", x, y).withPoints(tips);
            lines.add(s);
            legend.add(s.key());
        }
        Axis x = Axis.linear(0, maxX > 0 ? maxX : 1, Quantity.COUNT::tickLabels);
        return LineChart.fitted(title, X_NAME, x, Y_NAME, Quantity.COUNT::tickLabels, true, 0, lines, legend);
    }

    /** A point's tooltip: layout, batch, both speeds and cost. */
    static String describe(ParetoPoint p) {
        return String.format(Locale.ROOT, "%d x %s (TP %d, PP %d, EP %d), batch %d: %s tok/s/user, %s tok/s/GPU, $%s per M output tokens (%s)",
            p.gpus(), p.hardware(), p.parallelism().tensor(), p.parallelism().pipeline(), p.parallelism().expert(), p.batch(),
            Readable.fixed(p.tokensPerSecondPerUser(), 1), Readable.fixed(p.tokensPerSecondPerGpu(), 0),
            Readable.fixed(p.usdPerMillionOutputTokens(), 3), p.rented() ? "rented" : "owned");
    }
}
