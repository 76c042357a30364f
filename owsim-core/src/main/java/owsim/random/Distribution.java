package owsim.random;

import java.util.Arrays;
import owsim.io.Check;

/**
 * Where an experiment parameter's values come from. Every design draws points in the unit
 * hypercube and maps each coordinate through {@link #fromUnit}, the inverse CDF, so one design
 * serves every kind of range.
 */
public sealed interface Distribution
    permits Distribution.Uniform, Distribution.LogUniform, Distribution.TruncatedNormal, Distribution.Discrete {

    /** The value at cumulative probability u in [0, 1] (u = 0 and u = 1 give the range's ends). */
    double fromUnit(double u);

    /** Whether v is a value this distribution can produce (used to check a user's own samples). */
    boolean contains(double v);

    /** A short description for messages, such as "uniform(0.1, 0.5)". */
    String describe();

    /**
     * The values a full-factorial grid uses: {@code levels} points at equal steps of cumulative
     * probability from 0 to 1 (the middle for one level); a discrete parameter uses its own levels.
     */
    default double[] gridLevels(int levels) {
        Check.positive("levels", levels);
        double[] v = new double[levels];
        for (int j = 0; j < levels; j++) v[j] = fromUnit(levels == 1 ? 0.5 : (double) j / (levels - 1));
        return v;
    }

    private static void checkUnit(double u) {
        if (!(u >= 0 && u <= 1)) throw new IllegalArgumentException("u must be in [0, 1], was " + u);
    }

    /** Uniform on [min, max]. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            finiteRange(min, max);
        }

        @Override public double fromUnit(double u) {
            checkUnit(u);
            return u == 1 ? max : Math.min(max, min + u * (max - min));  // rounding must not leave the range
        }

        @Override public boolean contains(double v) { return v >= min && v <= max; }

        @Override public String describe() { return "uniform(" + min + ", " + max + ")"; }
    }

    /** Log-uniform on [min, max], min > 0: every factor of ten in the range equally likely. */
    record LogUniform(double min, double max) implements Distribution {
        public LogUniform {
            Check.positive("min", min);
            finiteRange(min, max);
        }

        @Override public double fromUnit(double u) {
            checkUnit(u);
            if (u == 0) return min;
            if (u == 1) return max;
            return Math.min(max, Math.max(min, Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)))));
        }

        @Override public boolean contains(double v) { return v >= min && v <= max; }

        @Override public String describe() { return "loguniform(" + min + ", " + max + ")"; }
    }

    /** Normal(mean, sd) truncated to [min, max]; the bounds are required so every value is finite. */
    record TruncatedNormal(double mean, double sd, double min, double max) implements Distribution {
        public TruncatedNormal {
            if (!Double.isFinite(mean)) throw new IllegalArgumentException("mean: must be a finite number, was " + mean);
            Check.positive("sd", sd);
            finiteRange(min, max);
        }

        @Override public double fromUnit(double u) {
            checkUnit(u);
            if (u == 0) return min;
            if (u == 1) return max;
            double alpha = (min - mean) / sd;
            double beta = (max - mean) / sd;
            double z;
            if (alpha > 0) {
                // both bounds in the upper tail: work in the mirrored lower tail, where the CDF
                // keeps its precision
                double lo = NormalMath.cdf(-beta);
                double hi = NormalMath.cdf(-alpha);
                z = -NormalMath.quantile(hi - u * (hi - lo));
            } else {
                double lo = NormalMath.cdf(alpha);
                double hi = NormalMath.cdf(beta);
                z = NormalMath.quantile(lo + u * (hi - lo));
            }
            return Math.min(max, Math.max(min, mean + sd * z));
        }

        @Override public boolean contains(double v) { return v >= min && v <= max; }

        @Override public String describe() {
            return "normal(mean " + mean + ", sd " + sd + ", truncated to [" + min + ", " + max + "])";
        }
    }

    /** A finite set of values, equally likely; the order given is the order of the grid. */
    record Discrete(double[] levels) implements Distribution {
        public Discrete {
            Check.required("levels", levels);
            if (levels.length == 0) throw new IllegalArgumentException("levels: must list at least one value");
            for (double v : levels) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("levels: must be finite numbers, was " + v);
            }
            if (Arrays.stream(levels).distinct().count() != levels.length) {
                throw new IllegalArgumentException("levels: must be distinct, were " + Arrays.toString(levels));
            }
            levels = levels.clone();
        }

        @Override public double[] levels() { return levels.clone(); }

        @Override public double fromUnit(double u) {
            checkUnit(u);
            return levels[Math.min(levels.length - 1, (int) Math.floor(u * levels.length))];
        }

        @Override public boolean contains(double v) {
            for (double l : levels) if (l == v) return true;
            return false;
        }

        @Override public double[] gridLevels(int ignored) { return levels.clone(); }

        @Override public String describe() { return "one of " + Arrays.toString(levels); }

        @Override public boolean equals(Object o) {
            return o instanceof Discrete d && Arrays.equals(levels, d.levels);
        }

        @Override public int hashCode() { return Arrays.hashCode(levels); }

        @Override public String toString() { return "Discrete" + Arrays.toString(levels); }
    }

    private static void finiteRange(double min, double max) {
        if (!Double.isFinite(min)) throw new IllegalArgumentException("min: must be a finite number, was " + min);
        if (!Double.isFinite(max)) throw new IllegalArgumentException("max: must be a finite number, was " + max);
        if (!(min < max)) throw new IllegalArgumentException("max: must be greater than min (" + min + "), was " + max);
    }
}
