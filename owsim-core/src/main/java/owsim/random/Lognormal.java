package owsim.random;

/**
 * Lognormal usage distribution helpers: quantiles, partial expectations and the capped mean
 * E[min(T, cap)] over an interval of the distribution, in closed form.
 */
public final class Lognormal {
    private Lognormal() {}

    /** Standard normal CDF (Zelen and Severo 26.2.17 with |error| &lt; 7.5e-8). */
    public static double phi(double z) {
        if (z == Double.NEGATIVE_INFINITY) return 0;
        if (z == Double.POSITIVE_INFINITY) return 1;
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return z >= 0 ? 1 - p : p;
    }

    /** Standard normal quantile (Acklam's rational approximation, relative error &lt; 1.2e-9). */
    public static double quantile(double p) {
        if (p <= 0) return Double.NEGATIVE_INFINITY;
        if (p >= 1) return Double.POSITIVE_INFINITY;
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double q;
        if (p < 0.02425) {
            q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /**
     * E[T; zLo &lt; Z &lt;= zHi] for T = median * exp(sigma Z): the partial expectation over a slice of
     * the standard normal, = median e^{sigma^2/2} (Phi(zHi - sigma) - Phi(zLo - sigma)).
     */
    public static double partialMean(double median, double sigma, double zLo, double zHi) {
        return median * Math.exp(sigma * sigma / 2) * (phi(zHi - sigma) - phi(zLo - sigma));
    }

    /** E[min(T, cap); zLo &lt; Z &lt;= zHi]: mass below the cap at its own value, above it at the cap. */
    public static double partialCappedMean(double median, double sigma, double zLo, double zHi, double cap) {
        if (cap <= 0) return 0;
        double zc = Math.log(cap / median) / sigma;
        double below = partialMean(median, sigma, zLo, Math.max(zLo, Math.min(zHi, zc)));
        double above = cap * Math.max(0, phi(zHi) - phi(Math.max(zLo, zc)));
        return below + above;
    }

    /**
     * {@link #partialCappedMean}, the same double, for a caller that takes many caps over one
     * slice and holds its CDF values: {@code medianTimesE} = median * exp(sigma^2 / 2) (that
     * product, rounded), {@code phiLo} = phi(zLo), {@code phiHi} = phi(zHi), {@code phiLoShifted}
     * = phi(zLo - sigma) and {@code phiHiShifted} = phi(zHi - sigma). A cap at or beyond an edge of
     * the slice reads that edge's value instead of taking the CDF again (the same argument, so the
     * same double), which leaves one logarithm and at most two CDFs a cap.
     */
    public static double partialCappedMean(double median, double medianTimesE, double sigma, double zLo, double zHi, double phiLo, double phiHi,
                                           double phiLoShifted, double phiHiShifted, double cap) {
        if (cap <= 0) return 0;
        double zc = Math.log(cap / median) / sigma;
        double zb = Math.max(zLo, Math.min(zHi, zc));
        double phiB = zb == zHi ? phiHiShifted : zb == zLo ? phiLoShifted : phi(zb - sigma);
        double below = medianTimesE * (phiB - phiLoShifted);
        double za = Math.max(zLo, zc);
        double phiA = za == zLo ? phiLo : za == zHi ? phiHi : phi(za);
        double above = cap * Math.max(0, phiHi - phiA);
        return below + above;
    }

    /**
     * Pr(Z > z | zLo &lt; Z &lt;= zHi), given Phi(zHi) and the slice's probability Phi(zHi) - Phi(zLo),
     * for a caller that holds its slices' CDF values. A slice wholly above or below z is all or
     * none, so only the slice holding z needs the CDF.
     */
    public static double sliceTail(double z, double zLo, double zHi, double phiHi, double sliceProbability) {
        if (sliceProbability <= 0 || z >= zHi) return 0;
        if (z <= zLo) return 1;
        return Math.max(0, phiHi - phi(z)) / sliceProbability;
    }
}
