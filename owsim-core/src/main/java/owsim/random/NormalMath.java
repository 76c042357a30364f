package owsim.random;

/**
 * The standard normal CDF and its inverse, to near double precision in both tails. The CDF uses
 * the all-positive erf series for small arguments and the Laplace continued fraction of erfc for
 * large ones; the inverse refines the Abramowitz and Stegun 26.2.23 start (error below 4.5e-4)
 * by Halley steps.
 */
public final class NormalMath {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private NormalMath() {}

    /** P(Z &lt;= z) for a standard normal Z. */
    public static double cdf(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        return z < 0 ? 0.5 * erfc(-z / SQRT2) : 1 - 0.5 * erfc(z / SQRT2);
    }

    /** Standard normal density. */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** The z with P(Z &lt;= z) = p; -inf at 0 and +inf at 1. */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        if (p > 0.5) return -lowerQuantile(1 - p);
        return lowerQuantile(p);
    }

    /** Quantile for p <= 0.5, where the lower-tail CDF is computed without cancellation. */
    private static double lowerQuantile(double p) {
        double t = Math.sqrt(-2 * Math.log(p));
        double x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
        for (int i = 0; i < 60; i++) {
            double f = cdf(x) - p;
            double u = f / pdf(x);
            double step = u / (1 + 0.5 * x * u);
            x -= step;
            if (Math.abs(step) <= 1e-15 * (1 + Math.abs(x))) break;
        }
        return x;
    }

    /** Complementary error function for x >= 0. */
    static double erfc(double x) {
        if (x < 0) throw new IllegalArgumentException("erfc here takes x >= 0, was " + x);
        if (x < 2.5) return 1 - erfSeries(x);
        if (x > 27) return 0;  // below the smallest double
        return Math.exp(-x * x) / SQRT_PI * continuedFraction(x);
    }

    /** erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1)): every term positive. */
    private static double erfSeries(double x) {
        double term = x;
        double sum = x;
        double x2 = x * x;
        for (int n = 1; n < 200; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return 2 / SQRT_PI * Math.exp(-x2) * sum;
    }

    /** 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), by the modified Lentz method. */
    private static double continuedFraction(double x) {
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n / 2.0;
            d = x + a * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = x + a / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return 1 / f;
    }
}
