package owsim.report.chart;

/** A chart that draws itself as one self-contained {@code <svg>} element (no fonts, scripts or links to fetch). */
public sealed interface Chart permits LineChart, BarChart, ScatterChart, HeatMap {
    String title();

    /** The chart as inline SVG, ending in a newline; the same chart always gives the same text. */
    String svg();
}
