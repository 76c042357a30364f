package owsim.report;

import java.util.Locale;
import owsim.claims.uncertainty.ClaimUncertainty;
import owsim.claims.uncertainty.UncertaintyAnalysis;
import owsim.experiment.discovery.TippingSurface;
import owsim.format.Readable;

/**
 * A claim's chart under uncertainty as inline SVG: the tipping surface as a grid of cells shaded
 * by the share of worlds where the claim holds (white none, dark green all), or, when the claim
 * holds in every world or none, its share with the 95 % interval as a bar.
 */
final class UncertaintySvg {
    private UncertaintySvg() {}

    private static final int WIDTH = 680;
    private static final int LEFT = 170;
    private static final int TOP = 40;
    private static final int CELL_H = 44;

    static String render(ClaimUncertainty c) {
        return c.surface() == null ? bar(c) : surface(c);
    }

    private static String surface(ClaimUncertainty c) {
        TippingSurface s = c.surface();
        int rows = s.share().length;
        int cols = s.share()[0].length;
        int cellW = (WIDTH - LEFT - 20) / cols;
        int height = TOP + rows * CELL_H + 60;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
            .append("\" height=\"").append(height).append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n");
        String title = "Claim " + c.claim() + ": share of worlds where it holds";
        sb.append("<title>").append(Html.escape(title)).append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        sb.append("<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(Html.escape(title)).append("</text>\n");
        for (int a = 0; a < rows; a++) {
            int y = TOP + (rows - 1 - a) * CELL_H;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", LEFT - 6, y + CELL_H / 2 + 4,
                Html.escape(UncertaintyAnalysis.number(s.edgesA()[a]) + "-" + UncertaintyAnalysis.number(s.edgesA()[a + 1]))));
            for (int b = 0; b < cols; b++) {
                double v = s.share()[a][b];
                int x = LEFT + b * cellW;
                String fill = Double.isNaN(v) ? "#eee" : shade(v);
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"/>\n", x, y, cellW, CELL_H, fill));
                if (!Double.isNaN(v)) {
                    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%s (%d)</text>\n", x + cellW / 2,
                        y + CELL_H / 2 + 4, v > 0.6 ? "#fff" : "#111", Readable.percent(v), s.points()[a][b]));
                }
            }
        }
        int base = TOP + rows * CELL_H;
        for (int b = 0; b < cols; b++) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + b * cellW + cellW / 2, base + 16,
                Html.escape(UncertaintyAnalysis.number(s.edgesB()[b]) + "-" + UncertaintyAnalysis.number(s.edgesB()[b + 1]))));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + cols * cellW / 2, base + 36,
            Html.escape(c.surfacePaths().get(1))));
        sb.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\">%s (rows)</text>\n", base + 52, Html.escape(c.surfacePaths().get(0))));
        return sb.append("</svg>\n").toString();
    }

    private static String bar(ClaimUncertainty c) {
        int height = 90;
        int w = WIDTH - LEFT - 20;
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
            .append("\" height=\"").append(height).append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n");
        String title = "Claim " + c.claim() + ": share of worlds where it holds, 95% interval";
        sb.append("<title>").append(Html.escape(title)).append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        sb.append("<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">").append(Html.escape(title)).append("</text>\n");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"36\" width=\"%d\" height=\"20\" fill=\"#eee\"/>\n", LEFT, w));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"36\" width=\"%.1f\" height=\"20\" fill=\"#176b1c\"/>\n", LEFT, w * c.share()));
        double lo = LEFT + w * c.interval().low();
        double hi = LEFT + w * c.interval().high();
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"46\" x2=\"%.1f\" y2=\"46\" stroke=\"#111\" stroke-width=\"2\"/>\n", lo, hi));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"50\" text-anchor=\"end\">holds</text>\n", LEFT - 6));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"76\">0%%</text><text x=\"%d\" y=\"76\" text-anchor=\"end\">100%%</text>\n", LEFT, LEFT + w));
        return sb.append("</svg>\n").toString();
    }

    /** White at 0 to dark green at 1. */
    private static String shade(double v) {
        int r = (int) Math.round(255 + v * (23 - 255));
        int g = (int) Math.round(255 + v * (107 - 255));
        int b = (int) Math.round(255 + v * (28 - 255));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
