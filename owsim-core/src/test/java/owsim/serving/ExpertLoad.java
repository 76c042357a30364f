package owsim.serving;

/**
 * The reference the prepared decode step ({@link DecodeModel}) inlines, kept here to check it against: how the routed experts of one MoE layer are loaded when a stage puts {@code tokens} tokens through
 * it, each choosing k of E experts (uniformly, as an expert-parallel load balancer with redundant
 * copies aims for): the expected expert slots of one device that receive any token, and the GEMM rows
 * the busiest device computes. A touched expert computes at least one tile of rows, so a handful of
 * tokens costs a full tile; the busiest of R expert-parallel ranks receives about mean + sqrt(2 ln R x mean)
 * token-expert pairs (the largest of R Poisson counts), which is the imbalance left after balancing.
 *
 * @param touchedSlots expert slots of one device that receive at least one token
 * @param rowsOnBusiestDevice token rows the busiest device computes in one layer
 * @param paddingRowsOnBusiestDevice rows it computes on top to fill its touched experts' tiles
 */
record ExpertLoad(double touchedSlots, double rowsOnBusiestDevice, double paddingRowsOnBusiestDevice) {

    static ExpertLoad of(ModelShape s, Deployment dep, double tokens, int tileRows) {
        int slots = dep.expertSlotsPerDevice();
        int ranks = dep.parallelism().expert();
        // Copies of an expert share its tokens: per slot, the expected token-expert pairs.
        double totalSlots = (double) slots * ranks;
        double pairsPerSlot = tokens * s.activeExperts / totalSlots;
        double touched = 1 - Math.exp(-pairsPerSlot);
        double pairsPerDevice = pairsPerSlot * slots;
        double busiest = ranks > 1 ? pairsPerDevice + Math.sqrt(2 * Math.log(ranks) * pairsPerDevice) : pairsPerDevice;
        double touchedSlots = slots * touched;
        double rowsPerTouched = touchedSlots > 0 ? busiest / touchedSlots : 0;
        double padded = Math.max(rowsPerTouched, tileRows);
        return new ExpertLoad(touchedSlots, busiest, touchedSlots * padded - busiest);
    }

    /** Token rows each touched expert slot of the busiest device computes (0 when no token arrives). */
    double rowsPerTouchedExpert() {
        return touchedSlots > 0 ? rowsOnBusiestDevice / touchedSlots : 0;
    }
}
