package owsim.random;

/**
 * Student's t distribution with a whole number of degrees of freedom, as replications give.
 * P(|T| &lt; t) uses the exact finite sums of Abramowitz and Stegun 26.7.3-26.7.4 in
 * theta = atan(t / sqrt(nu)); the quantile inverts it by bisection on theta, to full precision.
 */
public final class StudentT {
    private StudentT() {}

    /** P(|T| &lt; t) for t >= 0 with nu degrees of freedom. */
    public static double twoSidedCdf(double t, int nu) {
        if (nu < 1) throw new IllegalArgumentException("degrees of freedom must be >= 1, was " + nu);
        if (!(t >= 0)) throw new IllegalArgumentException("t must be >= 0, was " + t);
        return ofTheta(Math.atan(t / Math.sqrt(nu)), nu);
    }

    /** The t with P(T &lt;= t) = p (one-sided quantile), for p in (0, 1). */
    public static double quantile(double p, int nu) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), was " + p);
        if (nu < 1) throw new IllegalArgumentException("degrees of freedom must be >= 1, was " + nu);
        if (p == 0.5) return 0;
        double target = Math.abs(2 * p - 1);   // P(|T| < t)
        double lo = 0;
        double hi = Math.PI / 2;
        for (int i = 0; i < 200 && hi - lo > 1e-17; i++) {
            double mid = 0.5 * (lo + hi);
            if (ofTheta(mid, nu) < target) lo = mid; else hi = mid;
        }
        double t = Math.sqrt(nu) * Math.tan(0.5 * (lo + hi));
        return p < 0.5 ? -t : t;
    }

    private static double ofTheta(double theta, int nu) {
        double s = Math.sin(theta);
        double c = Math.cos(theta);
        double c2 = c * c;
        if (nu % 2 == 0) {
            // sin(theta) {1 + (1/2) cos^2 + (1*3)/(2*4) cos^4 + ... up to cos^(nu-2)}
            double term = 1;
            double sum = 1;
            for (int j = 2; j <= nu - 2; j += 2) {
                term *= c2 * (j - 1) / j;
                sum += term;
            }
            return Math.min(1, s * sum);
        }
        if (nu == 1) return 2 * theta / Math.PI;
        // (2/pi) {theta + sin(theta) [cos + (2/3) cos^3 + ... up to cos^(nu-2)]}
        double term = c;
        double sum = c;
        for (int j = 3; j <= nu - 2; j += 2) {
            term *= c2 * (j - 1) / j;
            sum += term;
        }
        return Math.min(1, 2 / Math.PI * (theta + s * sum));
    }
}
