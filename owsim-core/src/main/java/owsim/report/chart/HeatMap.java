package owsim.report.chart;

import java.util.List;
import java.util.Locale;

/**
 * Values on a grid of two parameters (a grid design, a tipping surface) as shaded cells: white at
 * {@code low}, the palette's blue at {@code high}, grey where a cell has no value. Each cell carries
 * its value as text, so the chart reads without the colour scale too.
 *
 * @param rowName what the rows vary, written under the chart
 * @param colName what the columns vary, written under the column names
 * @param rows row names, bottom to top
 * @param cols column names, left to right
 * @param values values[row][col], NaN for none
 * @param text text of each cell, same shape as values
 * @param lowText the value at {@code low}, for the scale ("0%")
 * @param highText the value at {@code high}, for the scale ("100%")
 */
public record HeatMap(String title, String rowName, String colName, List<String> rows, List<String> cols, double[][] values,
                      String[][] text, double low, double high, String lowText, String highText) implements Chart {
    private static final int TOP = 44;
    private static final int RIGHT = 24;
    private static final int CELL_HEIGHT = 36;
    private static final int MAX_LABEL_CHARS = 24;
    /** The darkest shade, the first colour of the palette. */
    private static final int[] DARK = {0x00, 0x72, 0xB2};

    public HeatMap {
        rows = List.copyOf(rows);
        cols = List.copyOf(cols);
        if (values.length != rows.size() || text.length != rows.size()) throw new IllegalArgumentException("heat map: one row of values per row name");
        double[][] v = new double[values.length][];
        String[][] t = new String[text.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != cols.size() || text[r].length != cols.size()) throw new IllegalArgumentException("heat map: one value per column");
            v[r] = values[r].clone();
            t[r] = text[r].clone();
        }
        values = v;
        text = t;
        if (!(high > low)) high = low + 1; // one value everywhere: shade it as the low end
    }

    /** The fill of a value: white at low, dark blue at high. */
    String shade(double v) {
        if (!Double.isFinite(v)) return Style.EMPTY;
        double t = Math.max(0, Math.min(1, (v - low) / (high - low)));
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(DARK[0], t), mix(DARK[1], t), mix(DARK[2], t));
    }

    private static int mix(int dark, double t) {
        return (int) Math.round(255 + t * (dark - 255));
    }

    @Override public String svg() {
        double labels = 0;
        for (String r : rows) labels = Math.max(labels, Labels.width(Labels.fit(r, MAX_LABEL_CHARS)));
        double left = 8 + Math.max(48, labels) + 10;
        Frame f = new Frame(left, TOP, Style.WIDTH - left - RIGHT, rows.size() * CELL_HEIGHT);
        double cellWidth = f.width() / cols.size();
        Svg svg = new Svg(Style.WIDTH, (int) f.bottom() + 84, title);
        for (int r = 0; r < rows.size(); r++) {
            double y = f.bottom() - (r + 1) * CELL_HEIGHT;
            svg.text(left - 8, y + CELL_HEIGHT / 2.0, Labels.fit(rows.get(r), MAX_LABEL_CHARS), "end", true, Style.TEXT);
            for (int c = 0; c < cols.size(); c++) {
                double v = values[r][c];
                double x = left + c * cellWidth;
                svg.rect(x, y, cellWidth, CELL_HEIGHT, shade(v), " stroke=\"#ffffff\"", rows.get(r) + ", " + cols.get(c) + ": " + text[r][c]);
                if (!text[r][c].isEmpty()) {
                    boolean dark = Double.isFinite(v) && (v - low) / (high - low) > 0.6;
                    svg.text(x + cellWidth / 2, y + CELL_HEIGHT / 2.0, text[r][c], "middle", true, dark ? "#ffffff" : "#111");
                }
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            svg.text(left + c * cellWidth + cellWidth / 2, f.bottom() + 16, Labels.fit(cols.get(c), (int) (cellWidth / Style.CHAR_PX)),
                "middle", false, Style.TEXT);
        }
        f.xName(svg, colName);
        double scaleTop = f.bottom() + 56;
        svg.text(8, scaleTop + 6, "rows: " + rowName, "start", true, Style.MUTED);
        // The colour scale: five steps from low to high, right-aligned under the plot.
        double x0 = f.right() - 5 * 24 - Labels.width(highText) - 8;
        svg.text(x0 - 6, scaleTop + 6, lowText, "end", true, Style.TEXT);
        for (int i = 0; i < 5; i++) svg.rect(x0 + i * 24, scaleTop, 24, 12, shade(low + (high - low) * i / 4), "", "");
        svg.text(x0 + 5 * 24 + 6, scaleTop + 6, highText, "start", true, Style.TEXT);
        return svg.end();
    }
}
