package owsim.calibration;

import owsim.market.RunResult;
import owsim.market.Series;

/**
 * A target resolved against a scenario: months as indices of the run, and how the model's figure,
 * its distance from the public figure and "within tolerance" are computed.
 *
 * <p>The distance is a log error scaled so that the tolerance band's edges are at -1 and +1:
 * z = ln(model / value) / ln(1 + tolerance) above the figure and ln(model / value) / -ln(1 - tolerance)
 * below it (with a factor f, ln(model / value) / ln f on both sides). So |z| &lt;= 1 exactly when the
 * model is within tolerance, and the loss sum of w z^2 weighs a miss by how many tolerances it spans,
 * on a log scale that treats "twice" and "half" alike. A model figure at or below 0 counts as a
 * millionth of the target's value (the loss stays finite).
 *
 * @param kind how the months are combined
 * @param from first month index (the month for {@code at})
 * @param to last month index
 */
public record Target(TargetSpec spec, Kind kind, int from, int to) {
    /** How a target combines its months. */
    public enum Kind { AT, SUM, MEAN, CHANGE }

    /** The model's figure in a run (NaN if the series is missing or not finite there). */
    public double model(RunResult r) {
        Series s = r.series(spec.entity(), spec.metric());
        if (s == null) return Double.NaN;
        Series per = spec.per() == null ? null : r.series(spec.entity(), spec.per());
        if (spec.per() != null && per == null) return Double.NaN;
        return switch (kind) {
            case AT -> ratio(s.at(from), per == null ? 1 : per.at(from));
            case SUM -> ratio(sum(s), per == null ? 1 : sum(per));
            case MEAN -> ratio(sum(s), per == null ? to - from + 1 : sum(per));
            case CHANGE -> ratio(ratio(s.at(to), per == null ? 1 : per.at(to)), ratio(s.at(from), per == null ? 1 : per.at(from)));
        };
    }

    private double sum(Series s) {
        double t = 0;
        for (int m = from; m <= to; m++) t += s.at(m);
        return t;
    }

    private static double ratio(double a, double b) {
        return b != 0 ? a / b : Double.NaN;
    }

    /** The scaled log error (see the class comment); NaN for a NaN model figure. */
    public double z(double model) {
        if (Double.isNaN(model)) return Double.NaN;
        double v = spec.value();
        double m = Math.max(model, v * 1e-6);
        double e = Math.log(m / v);
        if (spec.toleranceFactor() != null) return e / Math.log(spec.toleranceFactor());
        return e >= 0 ? e / Math.log1p(spec.tolerance()) : e / -Math.log1p(-spec.tolerance());
    }

    /** Whether the model's figure is within the target's tolerance. */
    public boolean within(double model) {
        double z = z(model);
        return Math.abs(z) <= 1 + 1e-12;
    }

    /** The lowest figure within tolerance. */
    public double low() {
        return spec.toleranceFactor() != null ? spec.value() / spec.toleranceFactor() : spec.value() * (1 - spec.tolerance());
    }

    /** The highest figure within tolerance. */
    public double high() {
        return spec.toleranceFactor() != null ? spec.value() * spec.toleranceFactor() : spec.value() * (1 + spec.tolerance());
    }

    /** The months as written: "2025-10", "sum 2025-01..2025-06", ... */
    public String window() {
        return switch (kind) {
            case AT -> spec.at();
            case SUM -> "sum " + spec.sum().get(0) + ".." + spec.sum().get(1);
            case MEAN -> "mean " + spec.mean().get(0) + ".." + spec.mean().get(1);
            case CHANGE -> spec.change().get(1) + " / " + spec.change().get(0);
        };
    }

    /** The series compared, as "entity.metric" or "entity.metric per entity.per". */
    public String series() {
        String s = spec.entity() + "." + spec.metric();
        return spec.per() == null ? s : s + " per " + spec.per();
    }
}
