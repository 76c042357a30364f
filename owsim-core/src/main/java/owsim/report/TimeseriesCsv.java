package owsim.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import owsim.io.Csv;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * {@code timeseries.csv}: one row per month x entity x metric, columns {@code month,entity,metric,unit,value}.
 * Month is "YYYY-MM"; rows go month by month, and within a month in the run's series order. Values
 * are plain decimals that parse back to the same double; a missing value is written {@code NaN}
 * and infinities {@code Infinity} / {@code -Infinity}. Lines end with "\n" on every platform.
 */
final class TimeseriesCsv {
    private TimeseriesCsv() {}

    /** The header line, without its line end. */
    public static final String HEADER = "month,entity,metric,unit,value";

    /** Writes the whole file; the writer is flushed, not closed. */
    public static void write(RunResult run, Writer out) throws IOException {
        List<Series> series = run.series();
        String[] prefixes = new String[series.size()];
        double[][] values = new double[series.size()][];
        for (int i = 0; i < prefixes.length; i++) {
            Series s = series.get(i);
            prefixes[i] = "," + Csv.field(s.entity()) + "," + Csv.field(s.metric()) + "," + Csv.field(s.unit()) + ",";
            values[i] = s.values();
        }
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(96);
        for (int m = 0; m < run.months(); m++) {
            String month = run.monthLabel(m);
            for (int i = 0; i < prefixes.length; i++) {
                // A series shorter than the run (an engine bug) would silently drop rows; say so instead.
                if (m >= values[i].length) {
                    throw new IllegalStateException("series " + series.get(i).entity() + "/" + series.get(i).metric()
                        + " has " + values[i].length + " months, the run has " + run.months());
                }
                line.setLength(0);
                line.append(month).append(prefixes[i]).append(number(values[i][m])).append('\n');
                out.append(line);
            }
        }
        out.flush();
    }

    /** A double as the shortest plain decimal that parses back to it ("1500000", "0.25", "NaN"). */
    static String number(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == 0) return "0";
        double a = Math.abs(v);
        // Plain notation for every magnitude a simulation produces; exponent form beyond, to keep lines short.
        if (a < 1e-6 || a >= 1e21) return Double.toString(v);
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s;
    }
}
