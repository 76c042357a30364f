package owsim.report;

import owsim.report.chart.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.experiment.analysis.GridMeans;
import owsim.experiment.analysis.MorrisEffect;
import owsim.experiment.analysis.MorrisResult;
import owsim.experiment.analysis.ReplicationSummary;
import owsim.experiment.analysis.SobolIndex;
import owsim.experiment.analysis.SobolResult;
import owsim.experiment.analysis.Tornado;
import owsim.experiment.analysis.TornadoBar;
import owsim.experiment.store.ResultsAnalysis;
import owsim.report.chart.Chart;
import owsim.report.chart.Style;

/** Text tables and a self-contained HTML page (inline SVG charts) of an experiment's analysis. */
public final class ExperimentReport {
    private ExperimentReport() {}

    /** Plain-text tables: metric summaries, then Sobol or Morris indices per metric. */
    public static String text(ResultsAnalysis a) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s design, %,d of %,d runs stored%n%n", a.name(), a.design(), a.runs(), a.totalRuns()));
        sb.append(String.format(Locale.ROOT, "%-40s %6s %14s %14s %14s %14s %14s%n", "metric", "runs", "mean", "sd", "95% CI low", "95% CI high", "point +-"));
        for (int m = 0; m < a.summaries().size(); m++) {
            ReplicationSummary s = a.summaries().get(m);
            Quantity q = quantity(s.metric());
            sb.append(String.format(Locale.ROOT, "%-40s %6d %14s %14s %14s %14s %14s%n", s.metric(), s.replications(), q.format(s.mean(), DIGITS),
                q.format(s.sd(), DIGITS), q.format(s.ciLow(), DIGITS), q.format(s.ciHigh(), DIGITS),
                Double.isNaN(a.pointHalfWidths()[m]) ? "-" : q.format(a.pointHalfWidths()[m], DIGITS)));
        }
        for (SobolResult r : a.sobol()) {
            sb.append(String.format(Locale.ROOT, "%nSobol indices of %s (N = %d, standard deviation %s; 95%% bootstrap intervals)%n", r.metric(), r.baseRuns(),
                quantity(r.metric()).format(Math.sqrt(r.variance()), DIGITS)));
            sb.append(String.format(Locale.ROOT, "%-45s %8s %20s %8s %20s%n", "parameter", "S1", "S1 CI", "ST", "ST CI"));
            for (SobolIndex i : sorted(r)) {
                sb.append(String.format(Locale.ROOT, "%-45s %8.4f %20s %8.4f %20s%n", i.path(), i.first(),
                    ci(i.firstCi().low(), i.firstCi().high()), i.total(), ci(i.totalCi().low(), i.totalCi().high())));
            }
        }
        for (MorrisResult r : a.morris()) {
            sb.append(String.format(Locale.ROOT, "%nMorris elementary effects of %s (per unit of cumulative probability)%n", r.metric()));
            sb.append(String.format(Locale.ROOT, "%-45s %12s %12s %12s %26s%n", "parameter", "mu*", "mu", "sigma", "mu* 95% CI"));
            Quantity q = quantity(r.metric());
            for (String p : r.ranking()) {
                MorrisEffect e = r.of(p);
                sb.append(String.format(Locale.ROOT, "%-45s %12s %12s %12s %26s%n", p, q.format(e.muStar(), DIGITS), q.format(e.mu(), DIGITS),
                    q.format(e.sigma(), DIGITS), "[" + q.format(e.muStarCi().low(), DIGITS) + ", " + q.format(e.muStarCi().high(), DIGITS) + "]"));
            }
        }
        for (Tornado t : a.tornado()) {
            Quantity q = quantity(t.metric());
            sb.append(String.format(Locale.ROOT, "%nTornado of %s (base run %s; each parameter alone at its low and high value)%n", t.metric(),
                q.format(t.baseOutput(), DIGITS)));
            sb.append(String.format(Locale.ROOT, "%-45s %12s %12s %14s %14s %14s%n", "parameter", "low", "high", "change at low", "change at high", "swing"));
            for (TornadoBar b : t.bars()) {
                Quantity in = quantity(b.path());
                sb.append(String.format(Locale.ROOT, "%-45s %12s %12s %14s %14s %14s%n", b.path(), in.format(b.lowValue(), DIGITS),
                    in.format(b.highValue(), DIGITS), q.format(b.lowEffect(), DIGITS), q.format(b.highEffect(), DIGITS), q.format(b.swing(), DIGITS)));
            }
        }
        for (String n : a.notes()) sb.append("\nnote: ").append(n).append('\n');
        return sb.toString();
    }

    /** Significant digits of the report's figures: enough to tell neighbouring rows apart. */
    static final int DIGITS = 3;

    /**
     * How a metric's or parameter's numbers are written: money for names ending in Usd, shares as
     * percentages, counts with k/M/B/T. A payoff's unit depends on the scenario's payoff measure
     * (USD by default), so it is written as a plain magnitude without a $ sign.
     */
    static Quantity quantity(String name) {
        return Quantity.of(name, null);
    }

    private static List<SobolIndex> sorted(SobolResult r) {
        List<SobolIndex> l = new ArrayList<>(r.indices());
        l.sort((x, y) -> Double.compare(y.total(), x.total()));
        return l;
    }

    private static String ci(double lo, double hi) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", lo, hi);
    }

    /**
     * A self-contained HTML page: per metric the Sobol indices, the Morris bars and mu*-sigma
     * scatter, the tornado or the grid's heat map (inline SVG), then the tables above.
     */
    public static String html(ResultsAnalysis a) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(Html.escape(a.name()))
            .append("</title>\n<style>\nbody{font-family:").append(Style.FONT).append(";max-width:1000px;margin:2em auto;padding:0 1em;color:#111}\n")
            .append("pre{font-size:12px}\nsvg.chart{display:block;max-width:100%;height:auto;margin:0 0 16px 0}\n</style>\n</head>\n<body>\n");
        sb.append("<h1>Experiment ").append(Html.escape(a.name())).append("</h1>\n");
        for (SobolResult r : a.sobol()) section(sb, "Sobol indices: " + r.metric(), AnalysisCharts.sobol(r));
        for (MorrisResult r : a.morris()) section(sb, "Morris μ* and σ: " + r.metric(), AnalysisCharts.morrisBars(r), AnalysisCharts.morrisScatter(r));
        for (Tornado t : a.tornado()) section(sb, "Tornado: " + t.metric(), AnalysisCharts.tornado(t));
        for (GridMeans g : a.grid()) section(sb, "Grid: " + g.metric(), AnalysisCharts.grid(g, a.parameters().size() > 2));
        sb.append("<h2>Tables</h2>\n<pre>").append(Html.escape(text(a))).append("</pre>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void section(StringBuilder sb, String heading, Chart... charts) {
        sb.append("<h2>").append(Html.escape(heading)).append("</h2>\n");
        for (Chart c : charts) sb.append(c.svg());
    }
}
