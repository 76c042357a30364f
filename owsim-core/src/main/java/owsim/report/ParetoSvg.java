package owsim.report;

import owsim.format.Readable;
import owsim.report.chart.Html;
import owsim.report.chart.NiceScale;
import owsim.report.chart.Style;
import java.util.List;
import java.util.Locale;
import owsim.serving.ParetoFrontier;
import owsim.serving.ParetoPoint;

/**
 * Draws serving frontiers as one self-contained SVG, the way serving benchmarks plot them: tokens/s
 * per user across, tokens/s per GPU up, one line of points per accelerator, each point's layout and
 * batch in its tooltip. Both axes start at 0 with round ticks; the same frontiers give the same text.
 */
public final class ParetoSvg {
    private ParetoSvg() {}

    private static final int WIDTH = 720;
    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int TOP = 56;
    private static final int PLOT_HEIGHT = 360;
    private static final int LEGEND_ROW = 20;
    private static final int TICKS = 6;
    private static final String FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\"";

    /** A standalone SVG document (with its XML declaration) of the frontiers. */
    public static String render(String title, List<ParetoFrontier> frontiers) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int legendTop = TOP + PLOT_HEIGHT + 52;
        int height = legendTop + frontiers.size() * LEGEND_ROW + 8;
        double maxX = 0;
        double maxY = 0;
        for (ParetoFrontier f : frontiers) {
            for (ParetoPoint p : f.points()) {
                maxX = Math.max(maxX, p.tokensPerSecondPerUser());
                maxY = Math.max(maxY, p.tokensPerSecondPerGpu());
            }
        }
        NiceScale xs = NiceScale.of(0, maxX > 0 ? maxX : 1, TICKS);
        NiceScale ys = NiceScale.of(0, maxY > 0 ? maxY : 1, TICKS);
        StringBuilder sb = new StringBuilder(16384);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
            .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" role=\"img\" ")
            .append(FONT).append(" font-size=\"12\">\n");
        sb.append("<title>").append(Html.escape(title)).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb.append("<text x=\"8\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#111\">").append(Html.escape(title)).append("</text>\n");
        sb.append("<text x=\"8\" y=\"").append(TOP - 14).append("\" fill=\"#444\">output tokens/s per GPU</text>\n");
        for (double t : ys.ticks()) {
            String py = n(yPx(t, ys));
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"").append(py)
                .append("\" y2=\"").append(py).append("\" stroke=\"").append(t == 0 ? "#666" : "#e3e3e3").append("\"/>\n");
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(py)
                .append("\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#333\">").append(Readable.compact(t)).append("</text>\n");
        }
        int baseline = TOP + PLOT_HEIGHT;
        for (double t : xs.ticks()) {
            String px = n(xPx(t, xs, plotWidth));
            sb.append("<line x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(baseline).append("\" stroke=\"").append(t == 0 ? "#666" : "#f0f0f0").append("\"/>\n");
            sb.append("<text x=\"").append(px).append("\" y=\"").append(baseline + 18)
                .append("\" text-anchor=\"middle\" fill=\"#333\">").append(Readable.compact(t)).append("</text>\n");
        }
        sb.append("<text x=\"").append(LEFT + plotWidth / 2).append("\" y=\"").append(baseline + 38)
            .append("\" text-anchor=\"middle\" fill=\"#444\">output tokens/s per user (interactivity)</text>\n");
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotWidth)
            .append("\" height=\"").append(PLOT_HEIGHT).append("\" fill=\"none\" stroke=\"#888\"/>\n");
        for (int i = 0; i < frontiers.size(); i++) {
            ParetoFrontier f = frontiers.get(i);
            String color = Style.color(i);
            StringBuilder d = new StringBuilder();
            for (ParetoPoint p : f.points()) {
                d.append(d.length() == 0 ? "M" : " L").append(n(xPx(p.tokensPerSecondPerUser(), xs, plotWidth))).append(',')
                    .append(n(yPx(p.tokensPerSecondPerGpu(), ys)));
            }
            if (d.length() > 0) {
                sb.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\" stroke-linejoin=\"round\"><title>").append(Html.escape(f.hardware())).append("</title></path>\n");
            }
            for (ParetoPoint p : f.points()) {
                sb.append("<circle cx=\"").append(n(xPx(p.tokensPerSecondPerUser(), xs, plotWidth))).append("\" cy=\"")
                    .append(n(yPx(p.tokensPerSecondPerGpu(), ys))).append("\" r=\"3.5\" fill=\"").append(color).append("\"><title>")
                    .append(Html.escape(describe(p))).append("</title></circle>\n");
            }
            int cy = legendTop + i * LEGEND_ROW + LEGEND_ROW / 2;
            sb.append("<line x1=\"8\" x2=\"32\" y1=\"").append(cy).append("\" y2=\"").append(cy).append("\" stroke=\"").append(color)
                .append("\" stroke-width=\"2.5\"/>\n");
            String label = f.points().isEmpty() ? f.hardware() + ": does not fit" : f.hardware() + " (" + f.weights() + " weights, "
                + f.kv() + " KV; " + f.points().size() + " Pareto points of " + f.evaluated() + ")";
            sb.append("<text x=\"38\" y=\"").append(cy).append("\" dominant-baseline=\"middle\" fill=\"#222\">")
                .append(Html.escape(label)).append("</text>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** A point's tooltip: layout, batch, both speeds and cost. */
    static String describe(ParetoPoint p) {
        return String.format(Locale.ROOT, "%d x %s (TP %d, PP %d, EP %d), batch %d: %s tok/s/user, %s tok/s/GPU, $%s per M output tokens (%s)",
            p.gpus(), p.hardware(), p.parallelism().tensor(), p.parallelism().pipeline(), p.parallelism().expert(), p.batch(),
            Readable.fixed(p.tokensPerSecondPerUser(), 1), Readable.fixed(p.tokensPerSecondPerGpu(), 0),
            Readable.fixed(p.usdPerMillionOutputTokens(), 3), p.rented() ? "rented" : "owned");
    }

    private static double xPx(double v, NiceScale s, int plotWidth) {
        return LEFT + plotWidth * (v - s.min()) / (s.max() - s.min());
    }

    private static double yPx(double v, NiceScale s) {
        return TOP + PLOT_HEIGHT * (1 - (v - s.min()) / (s.max() - s.min()));
    }

    private static String n(double px) {
        return Readable.fixed(px, 1);
    }
}
