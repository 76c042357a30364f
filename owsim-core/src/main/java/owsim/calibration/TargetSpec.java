package owsim.calibration;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One public figure as written in a targets file: which series of a run it is compared with, over
 * which months, the figure itself with its unit, source and date, and how far the model may be
 * from it.
 *
 * @param id short name, unique in the file
 * @param entity a lab id, a segment id or {@code market} (the {@code entity} column of timeseries.csv)
 * @param metric the series' metric of that entity (the {@code metric} column), e.g. {@code users}, {@code revenueUsd}
 * @param per optional: a second metric of the same entity the first is divided by (a share: subscribers per user)
 * @param at the month "YYYY-MM" whose value is compared
 * @param sum two months [first, last]: the series summed over them (revenue over a half-year)
 * @param mean two months [first, last]: the mean over them
 * @param change two months [from, to]: value at {@code to} over value at {@code from} (a price fall)
 * @param value the public figure, in {@code unit}; above 0
 * @param unit the figure's unit, as the series' unit (users, USD, share, ...)
 * @param tolerance relative: the model is within when |model / value - 1| &lt;= tolerance (0 &lt; tolerance &lt; 1)
 * @param toleranceFactor for order-of-magnitude figures instead: within when value / f &lt;= model &lt;= value x f (f &gt; 1)
 * @param weight the target's weight in the loss (default 1)
 * @param use {@code fit} (the optimiser sees it) or {@code check} (held out: reported, not fitted)
 * @param source where the figure comes from
 * @param date when the figure was published or refers to, "YYYY-MM" or "YYYY-MM-DD"
 * @param note optional: how the figure maps onto the model's series
 */
public record TargetSpec(String id, String entity, String metric, String per, String at, List<String> sum, List<String> mean,
                         List<String> change, Double value, String unit, Double tolerance, Double toleranceFactor, Double weight,
                         String use, String source, String date, String note) {
    static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?");
    /** The values {@code use} may take. */
    public static final List<String> USES = List.of("fit", "check");

    public TargetSpec {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id: required (a short name for the figure)");
        if (entity == null || entity.isBlank()) throw new IllegalArgumentException("entity: required (a lab id, a segment id or market)");
        if (metric == null || metric.isBlank()) throw new IllegalArgumentException("metric: required (a series of that entity, e.g. users)");
        int windows = (at != null ? 1 : 0) + (sum != null ? 1 : 0) + (mean != null ? 1 : 0) + (change != null ? 1 : 0);
        if (windows != 1) {
            throw new IllegalArgumentException("at: give exactly one of at: MONTH, sum: [FIRST, LAST], mean: [FIRST, LAST] or change: [FROM, TO]"
                + (windows > 1 ? " (found " + windows + ")" : ""));
        }
        if (at != null) month("at", at);
        sum = pair("sum", sum);
        mean = pair("mean", mean);
        change = pair("change", change);
        if (value == null) throw new IllegalArgumentException("value: required (the public figure, in unit)");
        if (!(value > 0) || !Double.isFinite(value)) throw new IllegalArgumentException("value: must be a finite number > 0, was " + value);
        if (unit == null || unit.isBlank()) throw new IllegalArgumentException("unit: required (e.g. users, USD, share)");
        if ((tolerance == null) == (toleranceFactor == null)) {
            throw new IllegalArgumentException("tolerance: give exactly one of tolerance (relative, e.g. 0.2 for +-20%) or toleranceFactor (e.g. 3 for a factor of three either way)");
        }
        if (tolerance != null && !(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance: must be above 0 and below 1 (a relative error; use toleranceFactor for wider bands), was " + tolerance);
        }
        if (toleranceFactor != null && !(toleranceFactor > 1 && Double.isFinite(toleranceFactor))) {
            throw new IllegalArgumentException("toleranceFactor: must be a finite number above 1, was " + toleranceFactor);
        }
        if (weight == null) weight = 1.0;
        if (!(weight > 0) || !Double.isFinite(weight)) throw new IllegalArgumentException("weight: must be a finite number > 0, was " + weight);
        if (use == null) use = "fit";
        if (!USES.contains(use)) throw new IllegalArgumentException("use: must be 'fit' or 'check' (held out), was '" + use + "'");
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source: required (who published the figure)");
        if (date == null || !DATE.matcher(date).matches()) {
            throw new IllegalArgumentException("date: required as YYYY-MM or YYYY-MM-DD (when the figure was published), was " + (date == null ? "missing" : "'" + date + "'"));
        }
    }

    private static void month(String field, String m) {
        if (!MONTH.matcher(m).matches()) throw new IllegalArgumentException(field + ": a month is written YYYY-MM, was '" + m + "'");
    }

    private static List<String> pair(String field, List<String> months) {
        if (months == null) return null;
        if (months.size() != 2) throw new IllegalArgumentException(field + ": two months [FIRST, LAST], was " + months);
        month(field, months.get(0));
        month(field, months.get(1));
        if (months.get(0).compareTo(months.get(1)) > 0) {
            throw new IllegalArgumentException(field + ": the first month (" + months.get(0) + ") is after the last (" + months.get(1) + ")");
        }
        if (field.equals("change") && months.get(0).equals(months.get(1))) throw new IllegalArgumentException("change: the two months must differ");
        return List.copyOf(months);
    }

    /** Whether the optimiser fits this target ({@code use: fit}). */
    public boolean fitted() { return use.equals("fit"); }
}
