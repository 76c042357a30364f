package owsim.market;

/**
 * The natural logarithm of a denominator of the choice (a finite double of at least 1), by a table and
 * a short polynomial, in plain additions and multiplications: within about 1 ulp of the exact
 * value (measured in {@code LnTest} against {@link StrictMath#log}: at most 2 ulps), and the same
 * double on every platform and JVM (the table is made with {@link StrictMath}). Inlined in a loop
 * it takes a fraction of the time of {@link Math#log}, whose call the compiler cannot overlap with
 * the loop's other work; the choice takes about a million a run of the landscape.
 *
 * <p>x = 2^e f with f in [1, 2) and e at least 0 (so the terms below are all at least 0, and
 * none cancels another); c, f cut to its first 8 bits after the point, is one of 256
 * table entries 1 + k/256; f - c is exact, r = (f - c)/c lies in [0, 2^-8), and
 * ln x = e ln 2 + ln c + ln(1 + r), ln(1 + r) by its series to r^7 (the rest below 2^-59 r).
 */
final class Ln {
    private static final int BITS = 8;
    private static final int SHIFT = 52 - BITS;
    private static final long FRACTION = (1L << 52) - 1;
    /** ln 2 split: the high part has its last 32 bits 0, so e times it is exact for any exponent. */
    private static final double LN2_HI = Double.longBitsToDouble(Double.doubleToRawLongBits(StrictMath.log(2)) & ~0xFFFFFFFFL);
    private static final double LN2_LO = StrictMath.log(2) - LN2_HI;
    /** Per k: 1 / (1 + k/256) and ln(1 + k/256), each rounded once. */
    private static final double[] INV = new double[1 << BITS];
    private static final double[] LN = new double[1 << BITS];

    static {
        for (int k = 0; k < 1 << BITS; k++) {
            double c = 1 + k / (double) (1 << BITS);
            INV[k] = 1 / c;
            LN[k] = StrictMath.log(c);
        }
    }

    private Ln() {}

    /** ln x for x finite and at least 1; any other x (below 1, infinite, NaN) is {@link StrictMath#log}'s. */
    static double of(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) (bits >>> 52);   // sign and exponent: 1023 to 2046 for finite x of at least 1
        if (biased < 1023 || biased > 2046) return StrictMath.log(x);
        int e = biased - 1023;
        long f = bits & FRACTION | 0x3FF0000000000000L;
        int k = (int) ((bits & FRACTION) >>> SHIFT);
        double fd = Double.longBitsToDouble(f);
        double c = Double.longBitsToDouble(f & ~((1L << SHIFT) - 1));
        double r = (fd - c) * INV[k];
        double q = -0.5 + r * (1.0 / 3 + r * (-0.25 + r * (0.2 + r * (-1.0 / 6 + r * (1.0 / 7)))));
        return (e * LN2_HI + LN[k]) + (e * LN2_LO + (r + r * r * q));
    }
}
