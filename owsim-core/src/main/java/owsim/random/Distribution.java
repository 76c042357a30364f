package owsim.random;

import java.util.Arrays;
import owsim.io.Check;

/**
 * Where an experiment parameter's values come from. Every design draws points in the unit
 * hypercube and maps each coordinate through {@link #fromUnit}, the inverse CDF, so one design
 * serves every kind of range.
 */
public sealed interface Distribution
    permits Distribution.Uniform, Distribution.LogUniform, Distribution.TruncatedNormal, Distribution.Discrete,
        Distribution.DirichletShare {

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

    /**
     * One share of a group of shares that sum to 1, drawn together from a Dirichlet distribution
     * with the group's {@code concentrations} (one per share, each above 0): share {@code component}
     * of group {@code group}. On its own ({@link #fromUnit}) it is the share's marginal,
     * Beta(a_i, a_0 - a_i) with a_0 the sum of the concentrations; a design that draws the group
     * jointly ({@code LatinHypercubeDesign}) uses {@link #shares} on the group's first k - 1
     * coordinates instead, so the shares of every draw sum to 1.
     */
    record DirichletShare(String group, double[] concentrations, int component) implements Distribution {
        /** The inverse CDF's absolute accuracy. */
        static final double ACCURACY = 1e-14;

        public DirichletShare {
            Check.required("group", group);
            Check.required("concentrations", concentrations);
            if (concentrations.length < 2) throw new IllegalArgumentException("concentrations: a group needs at least two shares, has " + concentrations.length);
            for (double a : concentrations) {
                if (!(a > 0) || !Double.isFinite(a)) {
                    throw new IllegalArgumentException("concentrations: must be finite numbers above 0, were " + Arrays.toString(concentrations));
                }
            }
            if (component < 0 || component >= concentrations.length) {
                throw new IllegalArgumentException("component: must be 0.." + (concentrations.length - 1) + ", was " + component);
            }
            concentrations = concentrations.clone();
        }

        @Override public double[] concentrations() { return concentrations.clone(); }

        /** The share's mean, a_i / a_0. */
        public double mean() {
            return concentrations[component] / Arrays.stream(concentrations).sum();
        }

        @Override public double fromUnit(double u) {
            checkUnit(u);
            double a = concentrations[component];
            return betaQuantile(u, a, Arrays.stream(concentrations).sum() - a);
        }

        /**
         * The group's shares from k - 1 coordinates in [0, 1] (k = number of shares), by stick
         * breaking: share i is what the earlier shares left times Beta(a_i, a_(i+1) + ... + a_k)
         * at coordinate i, the last share takes the rest. The shares are Dirichlet(a) when the
         * coordinates are independent uniforms (Connor and Mosimann 1969), the first share's
         * coordinate is its marginal's, and they sum to 1 up to one rounding per share.
         */
        public static double[] shares(double[] concentrations, double[] unit) {
            int k = concentrations.length;
            if (unit.length != k - 1) throw new IllegalArgumentException("unit: needs " + (k - 1) + " coordinates, has " + unit.length);
            double rest = 1;
            double after = Arrays.stream(concentrations).sum();
            double[] x = new double[k];
            for (int i = 0; i < k - 1; i++) {
                checkUnit(unit[i]);
                after -= concentrations[i];
                double b = betaQuantile(unit[i], concentrations[i], Math.max(after, Double.MIN_NORMAL));
                x[i] = rest * b;
                rest -= x[i];
            }
            x[k - 1] = Math.max(0, rest);
            return x;
        }

        private static double betaQuantile(double u, double a, double b) {
            if (u == 0) return 0;
            if (u == 1) return 1;
            double q = new org.apache.commons.math3.distribution.BetaDistribution(null, a, b, ACCURACY).inverseCumulativeProbability(u);
            return Math.min(1, Math.max(0, q));
        }

        @Override public boolean contains(double v) { return v >= 0 && v <= 1; }

        @Override public String describe() {
            StringBuilder sb = new StringBuilder("share ").append(component + 1).append(" of dirichlet(");
            for (int i = 0; i < concentrations.length; i++) sb.append(i == 0 ? "" : ", ").append(concentrations[i]);
            return sb.append(")").toString();
        }

        @Override public boolean equals(Object o) {
            return o instanceof DirichletShare d && group.equals(d.group) && component == d.component && Arrays.equals(concentrations, d.concentrations);
        }

        @Override public int hashCode() { return 31 * (31 * group.hashCode() + component) + Arrays.hashCode(concentrations); }

        @Override public String toString() { return "DirichletShare[" + group + ", " + Arrays.toString(concentrations) + ", " + component + "]"; }
    }

    private static void finiteRange(double min, double max) {
        if (!Double.isFinite(min)) throw new IllegalArgumentException("min: must be a finite number, was " + min);
        if (!Double.isFinite(max)) throw new IllegalArgumentException("max: must be a finite number, was " + max);
        if (!(min < max)) throw new IllegalArgumentException("max: must be greater than min (" + min + "), was " + max);
    }
}
