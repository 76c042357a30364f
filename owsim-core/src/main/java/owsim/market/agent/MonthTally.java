package owsim.market.agent;

/**
 * Totals of one agent month, per segment and option ([segment * options + option]): users and
 * tokens per month; users per segment and lab (any of its options, [segment * labs + lab]); and
 * aware users per lab. Summed block by block in block order, so bit-identical for any thread count.
 */
public record MonthTally(int segments, long[] usersBySegmentOption, double[] tokensBySegmentOption,
                         long[] usersBySegmentLab, long[] awareByLab) {

    public int options() {
        return usersBySegmentOption.length / segments;
    }

    /** Users of each option, all segments. */
    public long[] usersByOption() {
        int options = options();
        long[] out = new long[options];
        for (int k = 0; k < usersBySegmentOption.length; k++) out[k % options] += usersBySegmentOption[k];
        return out;
    }

    /** Tokens per month of each option, all segments. */
    public double[] tokensByOption() {
        int options = options();
        double[] out = new double[options];
        for (int k = 0; k < tokensBySegmentOption.length; k++) out[k % options] += tokensBySegmentOption[k];
        return out;
    }

    /** Users of each lab, all segments. */
    public long[] usersByLab() {
        int labs = usersBySegmentLab.length / segments;
        long[] out = new long[labs];
        for (int k = 0; k < usersBySegmentLab.length; k++) out[k % labs] += usersBySegmentLab[k];
        return out;
    }

    /** Users of any option. */
    public long users() {
        long n = 0;
        for (long u : usersBySegmentOption) n += u;
        return n;
    }

    /** Tokens used across options and segments, per month. */
    public double tokens() {
        double t = 0;
        for (double x : tokensBySegmentOption) t += x;
        return t;
    }
}
