package owsim.report.chart;

/**
 * The plot area of a chart with a value axis up and a value axis across: where a value lands in
 * pixels, and the grid, ticks, labels and border drawn around the data.
 *
 * @param left pixels from the left edge of the chart to the plot
 * @param top pixels from the top edge to the plot
 * @param width plot width in pixels
 * @param height plot height in pixels
 */
record Frame(double left, double top, double width, double height) {

    double bottom() {
        return top + height;
    }

    double right() {
        return left + width;
    }

    /** Pixel across of a value on x; NaN when the axis cannot show it. */
    double x(Axis x, double v) {
        return left + width * x.position(v);
    }

    /** Pixel down of a value on y; NaN when the axis cannot show it. */
    double y(Axis y, double v) {
        return top + height * (1 - y.position(v));
    }

    /** Horizontal grid lines and labels of the y axis, left of the plot. */
    void yGrid(Svg svg, Axis y) {
        double[] ticks = y.ticks();
        String[] labels = y.labels();
        for (int i = 0; i < ticks.length; i++) {
            double py = y(y, ticks[i]);
            svg.line(left, py, right(), py, y.emphasised(ticks[i]) ? Style.ZERO : Style.GRID, "");
            svg.text(left - 6, py, labels[i], "end", true, Style.TEXT);
        }
    }

    /** Vertical grid lines, tick marks and labels of the x axis, under the plot. */
    void xGrid(Svg svg, Axis x) {
        double[] ticks = x.ticks();
        String[] labels = x.labels();
        for (int i = 0; i < ticks.length; i++) {
            double px = x(x, ticks[i]);
            svg.line(px, top, px, bottom(), x.emphasised(ticks[i]) ? Style.ZERO : Style.GRID, "");
            svg.line(px, bottom(), px, bottom() + 5, Style.FRAME, "");
            svg.text(px, bottom() + 18, labels[i], "middle", false, Style.TEXT);
        }
    }

    /** The axis name across, centred under the tick labels. */
    void xName(Svg svg, String name) {
        if (!name.isEmpty()) svg.text(left + width / 2, bottom() + 36, name, "middle", false, Style.MUTED);
    }

    /** The unit of the y axis, above the plot. */
    void yName(Svg svg, String name) {
        if (!name.isEmpty()) svg.text(8, top - 14, name, "start", false, Style.MUTED);
    }

    void border(Svg svg) {
        svg.rect(left, top, width, height, "none", " stroke=\"" + Style.FRAME + "\"", "");
    }

    /** The words shown in place of the data when there is none. */
    void empty(Svg svg, String words) {
        svg.text(left + width / 2, top + height / 2, words, "middle", false, "#666");
    }
}
