package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.experiment.analysis.MorrisEffect;
import owsim.experiment.analysis.MorrisResult;
import owsim.experiment.analysis.ReplicationSummary;
import owsim.experiment.analysis.SobolIndex;
import owsim.experiment.analysis.SobolResult;
import owsim.experiment.analysis.Tornado;
import owsim.experiment.analysis.TornadoBar;
import owsim.experiment.store.ResultsAnalysis;

/** Text tables and a self-contained HTML page (inline SVG bars) of an experiment's analysis. */
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

    /** A self-contained HTML page: the tables above and one bar chart per metric's indices. */
    public static String html(ResultsAnalysis a) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(Html.escape(a.name()))
            .append("</title><style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}pre{font-size:12px}</style></head><body>");
        sb.append("<h1>Experiment ").append(Html.escape(a.name())).append("</h1>");
        for (SobolResult r : a.sobol()) {
            sb.append("<h2>Sobol indices: ").append(Html.escape(r.metric())).append("</h2>");
            List<String> labels = new ArrayList<>();
            List<double[]> bars = new ArrayList<>();
            for (SobolIndex i : sorted(r)) {
                labels.add(i.path());
                bars.add(new double[] {i.first(), i.total(), i.totalCi().low(), i.totalCi().high()});
            }
            sb.append(bars(labels, bars, new String[] {"S1 (first order)", "ST (total)"}, 1.0));
        }
        for (MorrisResult r : a.morris()) {
            sb.append("<h2>Morris μ* and σ: ").append(Html.escape(r.metric())).append("</h2>");
            List<String> labels = new ArrayList<>();
            List<double[]> bars = new ArrayList<>();
            double max = 0;
            for (String p : r.ranking()) {
                MorrisEffect e = r.of(p);
                labels.add(p);
                bars.add(new double[] {e.muStar(), e.sigma(), e.muStarCi().low(), e.muStarCi().high()});
                max = Math.max(max, Math.max(e.muStarCi().high(), e.sigma()));
            }
            sb.append(bars(labels, bars, new String[] {"μ*", "σ"}, max));
        }
        for (Tornado t : a.tornado()) {
            sb.append("<h2>Tornado: ").append(Html.escape(t.metric())).append("</h2>");
            List<String> labels = new ArrayList<>();
            List<double[]> bars = new ArrayList<>();
            double max = 0;
            for (TornadoBar b : t.bars()) {
                labels.add(b.path());
                bars.add(new double[] {b.lowEffect(), b.highEffect(), 0, 0});
                max = Math.max(max, Math.max(b.lowEffect(), b.highEffect()));
            }
            sb.append(bars(labels, bars, new String[] {"change at low", "change at high"}, max));
        }
        sb.append("<h2>Tables</h2><pre>").append(Html.escape(text(a))).append("</pre></body></html>\n");
        return sb.toString();
    }

    /** Horizontal pairs of bars (first value, second value with an interval) per label, as inline SVG. */
    private static String bars(List<String> labels, List<double[]> values, String[] legend, double max) {
        int labelW = 330;
        int plotW = 520;
        int rowH = 26;
        int h = 30 + rowH * labels.size();
        double lo = 0;
        for (double[] v : values) lo = Math.min(lo, Math.min(v[0], Math.min(v[1], v[2])));
        double hi = Math.max(max, 1e-12);
        double span = hi - lo;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", labelW + plotW + 20, h));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"#4477aa\"/><text x=\"%d\" y=\"13\">%s</text>", labelW, labelW + 14, Html.escape(legend[0])));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"#ee6677\"/><text x=\"%d\" y=\"13\">%s</text>", labelW + 160, labelW + 174, Html.escape(legend[1])));
        double zero = labelW + plotW * (0 - lo) / span;
        for (int i = 0; i < labels.size(); i++) {
            double[] v = values.get(i);
            int y = 24 + i * rowH;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW - 6, y + 14, Html.escape(labels.get(i))));
            s.append(bar(zero, labelW + plotW * (v[0] - lo) / span, y + 2, "#4477aa"));
            s.append(bar(zero, labelW + plotW * (v[1] - lo) / span, y + 12, "#ee6677"));
            double a = labelW + plotW * (v[2] - lo) / span;
            double b = labelW + plotW * (v[3] - lo) / span;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"black\"/>", a, b, y + (legend[1].equals("σ") ? 6 : 16), y + (legend[1].equals("σ") ? 6 : 16)));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"20\" y2=\"%d\" stroke=\"#888\"/>", zero, zero, h));
        s.append("</svg>");
        return s.toString();
    }

    private static String bar(double x0, double x1, int y, String colour) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"9\" fill=\"%s\"/>", Math.min(x0, x1), y, Math.abs(x1 - x0), colour);
    }
}
