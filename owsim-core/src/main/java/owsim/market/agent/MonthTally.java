package owsim.market.agent;

/**
 * Totals of one agent month: users and tokens per option, users per lab (any of its options), and
 * aware users per lab. Summed block by block in block order, so bit-identical for any thread count.
 */
public record MonthTally(long[] usersByOption, double[] tokensByOption, long[] usersByLab, long[] awareByLab) {

    /** Users of any option. */
    public long users() {
        long n = 0;
        for (long u : usersByOption) n += u;
        return n;
    }

    /** Tokens used across options, per month. */
    public double tokens() {
        double t = 0;
        for (double x : tokensByOption) t += x;
        return t;
    }
}
