package owsim.market.agent;

import java.util.Arrays;
import owsim.market.IndividualMarket;

/**
 * One block's users counted by class and awareness pattern (bit l: lab l known), which gives the
 * month's aware counts per segment and lab and its sum of ln(denominator) for consumer surplus;
 * and the logit denominator of a user's pattern for its draw. A block is one thread's work, so a
 * tally is not shared.
 *
 * <p>Up to {@link IndividualMarket#TABLE_MAX_LABS} labs every pattern has a slot and a tabled
 * denominator ({@link Table}); with more labs there are too many patterns, and the patterns met
 * are kept in a small direct-mapped cache whose entries are booked when evicted and at the end
 * ({@link Cache}). Either way the result depends only on the block's users, not on threads.
 */
abstract class KnownSetTally {
    final IndividualMarket market;
    final int labs;

    KnownSetTally(IndividualMarket market) {
        this.market = market;
        this.labs = market.labs;
    }

    /** The tally for a block: a table of every pattern when the market tables them, else a cache. */
    static KnownSetTally of(IndividualMarket market, double[] lnDenominator) {
        return market.denominator != null ? new Table(market, lnDenominator) : new Cache(market);
    }

    /** 1 + the summed weights of class c's options of the labs in the pattern. */
    abstract double denominator(int c, int pattern);

    /** Counts one user of class c with this pattern. */
    abstract void count(int c, int pattern);

    /** Adds the counted users to the aware counts per [segment * labs + lab] and n ln(denominator) per segment. */
    abstract void book(long[] aware, double[] lnDenominatorBySegment);

    /** Adds n users of class c with a pattern to the tallies. */
    final void bookPattern(int c, int pattern, int n, double lnDenominator, long[] aware, double[] lnDen) {
        int g = market.classSegment[c];
        for (int l = 0; l < labs; l++) if ((pattern >>> l & 1) != 0) aware[g * labs + l] += n;
        lnDen[g] += n * lnDenominator;
    }

    /** Every pattern of every class: [c << labs | pattern]. */
    private static final class Table extends KnownSetTally {
        private final double[] denominator;
        private final double[] lnDenominator;
        private final int[] byPattern;

        Table(IndividualMarket market, double[] lnDenominator) {
            super(market);
            this.denominator = market.denominator;
            this.lnDenominator = lnDenominator;
            this.byPattern = new int[market.classes << labs];
        }

        @Override double denominator(int c, int pattern) {
            return denominator[(c << labs) | pattern];
        }

        @Override void count(int c, int pattern) {
            byPattern[(c << labs) | pattern]++;
        }

        /** Books and empties the table, so that a worker can count its next block with it. */
        @Override void book(long[] aware, double[] lnDen) {
            for (int k = 0; k < byPattern.length; k++) {
                int n = byPattern[k];
                if (n == 0) continue;
                byPattern[k] = 0;
                bookPattern(k >>> labs, k & ((1 << labs) - 1), n, lnDenominator[k], aware, lnDen);
            }
        }
    }

    /**
     * The patterns met, in a direct-mapped cache of {@link #SLOTS} entries keyed by class and
     * pattern. Users of a class mostly share few patterns (awareness spreads to most of a segment),
     * so evictions are rare; an evicted entry is booked at once.
     */
    private static final class Cache extends KnownSetTally {
        static final int SLOTS = 1 << 12;
        private final long[] key = new long[SLOTS];
        private final int[] count = new int[SLOTS];
        private final double[] denominator = new double[SLOTS];
        private final long[] pendingAware;
        private final double[] pendingLnDen;

        Cache(IndividualMarket market) {
            super(market);
            Arrays.fill(key, -1);
            pendingAware = new long[market.segments * labs];
            pendingLnDen = new double[market.segments];
        }

        private int slot(int c, int pattern) {
            long k = (long) c << 32 | (pattern & 0xffffffffL);
            int slot = (int) (k * 0x9E3779B97F4A7C15L >>> 52);
            if (key[slot] != k) {
                if (count[slot] > 0) {
                    long old = key[slot];
                    bookPattern((int) (old >>> 32), (int) old, count[slot], Math.log(denominator[slot]), pendingAware, pendingLnDen);
                }
                key[slot] = k;
                count[slot] = 0;
                denominator[slot] = market.denominator(c, pattern);
            }
            return slot;
        }

        @Override double denominator(int c, int pattern) {
            return denominator[slot(c, pattern)];
        }

        @Override void count(int c, int pattern) {
            count[slot(c, pattern)]++;
        }

        @Override void book(long[] aware, double[] lnDen) {
            for (int s = 0; s < SLOTS; s++) {
                if (count[s] == 0) continue;
                bookPattern((int) (key[s] >>> 32), (int) key[s], count[s], Math.log(denominator[s]), pendingAware, pendingLnDen);
                count[s] = 0;
            }
            for (int k = 0; k < aware.length; k++) aware[k] += pendingAware[k];
            for (int g = 0; g < lnDen.length; g++) lnDen[g] += pendingLnDen[g];
        }
    }
}
