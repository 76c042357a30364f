package owsim.market;

import java.util.Arrays;

/**
 * The first part of a month's choice: each segment's population grows by a month of its growth,
 * and the new members start with no option (they choose when they reconsider). Both engines grow
 * their segments here; the aggregate engine also dilutes the class shares.
 */
final class SegmentGrowth {
    private SegmentGrowth() {}

    /** Grows each segment's population by a month of its growth; returns the factors (all 1 in month 0). */
    static double[] growSegments(World w, MarketState s) {
        double[] f = new double[w.segments];
        Arrays.fill(f, 1);
        if (s.month == 0) return f;
        for (int g = 0; g < w.segments; g++) {
            f[g] = w.segmentTable.monthlyGrowth[g];
            s.population[g] *= f[g];
        }
        return f;
    }

    /**
     * Grows the segments and dilutes each class's shares by its segment's factor: the new members
     * hold "none". Reads last month's list of offered options (this month's is not built yet).
     */
    static void growPopulation(World w, MarketState s) {
        double[] factors = growSegments(w, s);
        if (s.month == 0) return;
        for (int g = 0; g < w.segments; g++) {
            double f = factors[g];
            if (f <= 1) continue;
            for (int c = w.userClasses.segmentStart[g]; c < w.userClasses.segmentStart[g + 1]; c++) {
                int row = c * w.options;
                double rest = 0;
                // Only last month's offered options hold users (the list is still last month's here).
                for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
                    int o = s.offered[row + r];
                    s.shares[row + o] /= f;
                    rest += s.shares[row + o];
                }
                s.shares[row] = 1 - rest;
            }
        }
    }
}
