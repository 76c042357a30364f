package owsim.market.agent;

/**
 * What the market's mechanisms tell the agent step each month, as flat per-segment tables, so the
 * per-user loop does no lookups beyond array reads:
 * <ul>
 *   <li>awareness: external influence p and word of mouth q per (segment, lab), per year; a user
 *   unaware of lab l becomes aware with probability 1 - exp(-(p + q x) dt), x the share of the
 *   user's own segment (fully mixed) or of the user's neighbours (network) using one of l's
 *   options last month. Word of mouth from other segments (q_{s,s'} u_{s'}) is folded into p by
 *   the mechanism when fully mixed;</li>
 *   <li>choice: each option's lab and its logit weight exp(V) per (segment, option); the outside
 *   option (use nothing) has weight 1. A user reconsiders with probability
 *   {@code reconsiderPerMonth[segment]} and then picks among the options of the labs it knows.</li>
 * </ul>
 * Arrays are copied on construction; index (segment, lab) as {@code segment * labs + lab} and
 * (segment, option) as {@code segment * options + option}.
 */
public final class MonthCoefficients {
    final int segments;
    final int labs;
    final int options;
    final double dtYears;
    final double[] awarenessPPerYear;
    final double[] awarenessQPerYear;
    final double[] reconsiderPerMonth;
    final double[] choiceWeight;
    final int[] optionLab;
    /**
     * Up to {@link #CDF_TABLE_MAX_LABS} labs: for each (segment, awareness pattern) the cumulative
     * choice probabilities [nothing, option 0, option 1, ...], so a draw is one scan of a short
     * row instead of summing weights per user. Null above that (the table would grow as 2^labs).
     */
    final double[] choiceCdf;

    /** Largest lab count for which the choice table is built (256 patterns per segment). */
    static final int CDF_TABLE_MAX_LABS = 8;

    public MonthCoefficients(int segments, int labs, double dtYears, double[] awarenessPPerYear, double[] awarenessQPerYear,
                             double[] reconsiderPerMonth, int[] optionLab, double[] choiceUtility) {
        if (segments < 1 || labs < 1 || labs > Population.MAX_LABS) {
            throw new IllegalArgumentException("segments and labs: must be >= 1 and labs <= " + Population.MAX_LABS);
        }
        if (!(dtYears > 0)) throw new IllegalArgumentException("dtYears: must be > 0, was " + dtYears);
        this.segments = segments;
        this.labs = labs;
        this.options = optionLab.length;
        if (options < 1 || options > Short.MAX_VALUE) throw new IllegalArgumentException("optionLab: must list 1 to 32767 options");
        this.dtYears = dtYears;
        this.awarenessPPerYear = checked("awarenessPPerYear", awarenessPPerYear, segments * labs, true);
        this.awarenessQPerYear = checked("awarenessQPerYear", awarenessQPerYear, segments * labs, true);
        this.reconsiderPerMonth = checked("reconsiderPerMonth", reconsiderPerMonth, segments, true);
        for (double r : this.reconsiderPerMonth) {
            if (r > 1) throw new IllegalArgumentException("reconsiderPerMonth: must be between 0 and 1, was " + r);
        }
        this.optionLab = optionLab.clone();
        for (int lab : this.optionLab) {
            if (lab < 0 || lab >= labs) throw new IllegalArgumentException("optionLab: lab index must be 0.." + (labs - 1) + ", was " + lab);
        }
        double[] utility = checked("choiceUtility", choiceUtility, segments * options, false);
        this.choiceWeight = new double[utility.length];
        for (int i = 0; i < utility.length; i++) choiceWeight[i] = Math.exp(utility[i]);
        this.choiceCdf = labs <= CDF_TABLE_MAX_LABS ? buildCdf() : null;
    }

    private double[] buildCdf() {
        int patterns = 1 << labs;
        int row = options + 1;
        double[] cdf = new double[segments * patterns * row];
        for (int s = 0; s < segments; s++) {
            for (int mask = 0; mask < patterns; mask++) {
                int base = (s * patterns + mask) * row;
                double acc = choiceProbability(s, mask, -1);
                cdf[base] = acc;
                for (int o = 0; o < options; o++) {
                    acc += choiceProbability(s, mask, o);
                    cdf[base + 1 + o] = acc;
                }
            }
        }
        return cdf;
    }

    /**
     * The option a user of {@code segment} aware of the labs in {@code awareBits} picks for a
     * uniform draw u in [0, 1), by the logit; {@link Population#NO_OPTION} for nothing.
     */
    public int choose(int segment, int awareBits, double u) {
        if (awareBits == 0) return Population.NO_OPTION;
        if (choiceCdf != null) {
            int row = options + 1;
            int base = ((segment << labs) | awareBits) * row;
            if (u < choiceCdf[base]) return Population.NO_OPTION;
            int last = Population.NO_OPTION;
            for (int o = 0; o < options; o++) {
                if ((awareBits >>> optionLab[o] & 1) == 0) continue;
                last = o;
                if (u < choiceCdf[base + 1 + o]) return o;
            }
            return last; // rounding: the cumulative sum fell a hair short of 1
        }
        return chooseBySum(segment, awareBits, u);
    }

    /** The same draw without the table: sum the known options' weights, then scan. */
    int chooseBySum(int segment, int awareBits, double u) {
        int base = segment * options;
        double total = 1;
        for (int o = 0; o < options; o++) if ((awareBits >>> optionLab[o] & 1) != 0) total += choiceWeight[base + o];
        double r = u * total - 1;
        if (r < 0) return Population.NO_OPTION;
        int last = Population.NO_OPTION;
        for (int o = 0; o < options; o++) {
            if ((awareBits >>> optionLab[o] & 1) != 0) {
                r -= choiceWeight[base + o];
                last = o;
                if (r < 0) return o;
            }
        }
        return last;
    }

    private static double[] checked(String field, double[] values, int length, boolean nonNegative) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(field + ": must have " + length + " values, had " + (values == null ? 0 : values.length));
        }
        for (double v : values) {
            if (!Double.isFinite(v) || (nonNegative && v < 0)) {
                throw new IllegalArgumentException(field + ": must be finite" + (nonNegative ? " and >= 0" : "") + ", was " + v);
            }
        }
        return values.clone();
    }

    public int segments() {
        return segments;
    }

    public int labs() {
        return labs;
    }

    public int options() {
        return options;
    }

    public double awarenessPPerYear(int segment, int lab) {
        return awarenessPPerYear[segment * labs + lab];
    }

    public double awarenessQPerYear(int segment, int lab) {
        return awarenessQPerYear[segment * labs + lab];
    }

    public double reconsiderPerMonth(int segment) {
        return reconsiderPerMonth[segment];
    }

    /** exp(V) of the option for the segment; the outside option has weight 1. */
    public double choiceWeight(int segment, int option) {
        return choiceWeight[segment * options + option];
    }

    public int optionLab(int option) {
        return optionLab[option];
    }

    public double dtYears() {
        return dtYears;
    }

    /** Probability that a user of {@code segment} picks {@code option} (or -1: nothing) given awareness bits. */
    public double choiceProbability(int segment, int awareBits, int option) {
        double total = 1;
        for (int o = 0; o < options; o++) {
            if ((awareBits >>> optionLab[o] & 1) != 0) total += choiceWeight[segment * options + o];
        }
        if (option < 0) return 1 / total;
        return (awareBits >>> optionLab[option] & 1) != 0 ? choiceWeight[segment * options + option] / total : 0;
    }
}
