package owsim.report.chart;

/** A chart that draws itself as one self-contained {@code <svg>} element (no fonts, scripts or links to fetch). */
public sealed interface Chart permits LineChart, BarChart, ScatterChart, HeatMap {
    String title();

    /** The chart as inline SVG, ending in a newline; the same chart always gives the same text. */
    String svg();

    /**
     * The chart as a standalone SVG file (XML declaration and SVG namespace added), for a chart
     * written to its own file rather than into a page; the same chart always gives the same bytes.
     */
    default String document() {
        return Svg.standalone(svg());
    }
}
