package owsim.report;

import java.util.List;
import java.util.Locale;
import owsim.claims.ChartData;

/** An x/y line chart as inline SVG (log x axis when x spans more than two decades of positive values). */
final class ClaimsSvg {
    private ClaimsSvg() {}

    private static final int WIDTH = 680;
    private static final int HEIGHT = 300;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    static String render(ChartData c) {
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY, ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (ChartData.Line l : c.lines()) {
            double[] x = l.x();
            double[] y = l.y();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
                xlo = Math.min(xlo, x[i]);
                xhi = Math.max(xhi, x[i]);
                ylo = Math.min(ylo, y[i]);
                yhi = Math.max(yhi, y[i]);
            }
        }
        int legendHeight = 18 * c.lines().size();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT + legendHeight)
            .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT + legendHeight)
            .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<title>").append(Html.escape(c.title())).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        sb.append("<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(Html.escape(c.title())).append("</text>\n");
        if (xlo > xhi) {
            sb.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2).append("\" text-anchor=\"middle\">no data</text>\n</svg>\n");
            return sb.toString();
        }
        boolean logX = xlo > 0 && xhi / xlo > 100;
        if (xhi == xlo) { xlo -= 1; xhi += 1; }
        if (yhi == ylo) { double pad = Math.abs(yhi) > 0 ? Math.abs(yhi) * 0.1 : 1; ylo -= pad; yhi += pad; }
        final double fxlo = logX ? Math.log10(xlo) : xlo, fxhi = logX ? Math.log10(xhi) : xhi, fylo = ylo, fyhi = yhi;
        int pw = WIDTH - LEFT - RIGHT;
        int ph = HEIGHT - TOP - BOTTOM;
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(pw).append("\" height=\"").append(ph)
            .append("\" fill=\"none\" stroke=\"#999\"/>\n");
        for (int k = 0; k <= 4; k++) {
            double yv = fylo + (fyhi - fylo) * k / 4;
            double py = TOP + ph - ph * k / 4.0;
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + pw).append("\" y1=\"").append(f(py)).append("\" y2=\"").append(f(py))
                .append("\" stroke=\"#eee\"/><text x=\"").append(LEFT - 6).append("\" y=\"").append(f(py + 4)).append("\" text-anchor=\"end\">")
                .append(Html.escape(ClaimsText.tick(yv, c.yLabel()))).append("</text>\n");
            double xv = fxlo + (fxhi - fxlo) * k / 4;
            double px = LEFT + pw * k / 4.0;
            sb.append("<text x=\"").append(f(px)).append("\" y=\"").append(TOP + ph + 16).append("\" text-anchor=\"middle\">")
                .append(Html.escape(ClaimsText.tick(logX ? Math.pow(10, xv) : xv, c.xLabel()))).append("</text>\n");
        }
        sb.append("<text x=\"").append(LEFT + pw / 2).append("\" y=\"").append(TOP + ph + 34).append("\" text-anchor=\"middle\" fill=\"#444\">")
            .append(Html.escape(c.xLabel())).append("</text>\n");
        sb.append("<text x=\"8\" y=\"").append(TOP - 8).append("\" fill=\"#444\">").append(Html.escape(c.yLabel())).append("</text>\n");
        List<ChartData.Line> lines = c.lines();
        for (int li = 0; li < lines.size(); li++) {
            ChartData.Line l = lines.get(li);
            String colour = COLOURS[li % COLOURS.length];
            double[] x = l.x();
            double[] y = l.y();
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || (logX && x[i] <= 0)) continue;
                double xv = logX ? Math.log10(x[i]) : x[i];
                double px = LEFT + pw * (xv - fxlo) / (fxhi - fxlo);
                double py = TOP + ph - ph * (y[i] - fylo) / (fyhi - fylo);
                pts.append(pts.length() == 0 ? "" : " ").append(f(px)).append(',').append(f(py));
            }
            sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"").append(pts).append("\"/>\n");
            int ly = HEIGHT + 18 * li + 4;
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + 24).append("\" y1=\"").append(ly).append("\" y2=\"").append(ly)
                .append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/><text x=\"").append(LEFT + 30).append("\" y=\"").append(ly + 4)
                .append("\">").append(Html.escape(l.name())).append("</text>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String f(double v) { return String.format(Locale.ROOT, "%.1f", v); }
}
