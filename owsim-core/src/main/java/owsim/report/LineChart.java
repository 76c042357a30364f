package owsim.report;

import java.util.List;

/**
 * What one chart of the report shows: monthly lines on one y axis.
 *
 * @param title heading drawn above the plot
 * @param yUnit unit of the y axis, written above it ("USD per month")
 * @param quantity how tick labels are written
 * @param includeZero whether the y axis always reaches 0 (flows and counts) or fits the data (capability)
 * @param logRatio switch to a log axis when the largest line's peak is this many times the smallest's
 *     (0: always linear)
 * @param lines the lines, drawn in order (later lines on top)
 * @param legend legend entries, in order; usually one per line
 */
record LineChart(String title, String yUnit, Quantity quantity, boolean includeZero, double logRatio, List<Line> lines,
                 List<Line> legend) {

    LineChart {
        lines = List.copyOf(lines);
        legend = List.copyOf(legend);
    }

    /**
     * One line: monthly values (NaN where there is no value), a colour, an SVG dash pattern ("" = solid)
     * and a stroke width in pixels; a wide line is drawn half-transparent, as a highlighter band.
     */
    record Line(String label, String color, String dash, double widthPx, double[] values) {
        static final double NORMAL_PX = 2;

        Line {
            values = values.clone();
        }

        Line(String label, String color, String dash, double[] values) {
            this(label, color, dash, NORMAL_PX, values);
        }

        boolean band() {
            return widthPx > NORMAL_PX * 2;
        }

        @Override public double[] values() {
            return values.clone();
        }

        /** The same style with no data: a legend entry. */
        static Line key(String label, String color, String dash) {
            return new Line(label, color, dash, NORMAL_PX, new double[0]);
        }

        /** The same line with values <= 0 left out (for log10 FLOP, where 0 means "no model yet"). */
        Line positiveOnly() {
            double[] v = values.clone();
            for (int i = 0; i < v.length; i++) if (!(v[i] > 0)) v[i] = Double.NaN;
            return new Line(label, color, dash, widthPx, v);
        }

        /** The same line drawn wider. */
        Line withWidth(double px) {
            return new Line(label, color, dash, px, values);
        }
    }
}
