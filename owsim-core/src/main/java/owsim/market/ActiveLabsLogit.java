package owsim.market;

/**
 * {@link KnownLabsLogit} for worlds of more than {@link #EXACT_MAX_LABS} labs: only the labs that
 * can matter to the class enter the choice (offering it something, and known by some of its
 * members or held by a reconsidering user); a lab nobody in the segment can know, for example
 * one unavailable where the segment lives, drops out. When at most {@link #EXACT_MAX_LABS} labs
 * remain, the exact subset sum over them is used, else the integral.
 */
final class ActiveLabsLogit extends KnownLabsLogit {
    private final double[] known;
    private final IntegralKnownLabs integral;
    /** The exact sums by number of active labs (made when first needed). */
    private final EnumeratedKnownLabs[] exact = new EnumeratedKnownLabs[EXACT_MAX_LABS + 1];
    private final int[] activeLab;
    private final int[] compactIndex;
    private final double[] compactKnown;
    /** The active labs (bit set, as a long: at most 63 labs) for which the exact sum's probabilities were last made. */
    private long preparedMask = -1;

    ActiveLabsLogit(int labs, int maxHolders) {
        super(labs, maxHolders);
        if (labs > 63) throw new IllegalArgumentException("labs: at most 63, was " + labs);
        known = new double[labs];
        integral = new IntegralKnownLabs(labs, maxHolders);
        activeLab = new int[labs];
        compactIndex = new int[labs];
        compactKnown = new double[labs];
    }

    @Override void awareness(double[] known) {
        System.arraycopy(known, 0, this.known, 0, labs);
        integral.awareness(known);
        preparedMask = -1;
    }

    @Override void solve() {
        long held = 0;
        for (int h = 0; h < holders; h++) held |= 1L << holderLab[h];
        long mask = 0;
        int active = 0;
        for (int l = 0; l < labs; l++) {
            compactIndex[l] = -1;
            if (labWeight[l] > 0 && (known[l] > 0 || (held >>> l & 1) != 0)) {
                compactIndex[l] = active;
                activeLab[active++] = l;
                mask |= 1L << l;
            }
        }
        // A holder of a lab that offers nothing more (a weight below the smallest double) is the integral's case.
        if (active > EXACT_MAX_LABS || active == 0 || (held & ~mask) != 0) {
            solveBy(integral, null);
            return;
        }
        EnumeratedKnownLabs e = exact[active];
        if (e == null) e = exact[active] = new EnumeratedKnownLabs(active, holderLab.length);
        if (mask != preparedMask) {
            for (int j = 0; j < active; j++) compactKnown[j] = known[activeLab[j]];
            e.awareness(compactKnown);
            preparedMask = mask;
        }
        solveBy(e, compactIndex);
    }

    /** Solves with a method, its labs renumbered by {@code index} (null: the same labs). */
    private void solveBy(KnownLabsLogit method, int[] index) {
        java.util.Arrays.fill(method.labWeight, 0);
        for (int l = 0; l < labs; l++) {
            int k = index == null ? l : index[l];
            if (k >= 0) method.labWeight[k] = labWeight[l];
        }
        method.clearHolders();
        for (int h = 0; h < holders; h++) method.addHolder(index == null ? holderLab[h] : index[holderLab[h]], holderMass[h], holderExtra[h]);
        method.outsideMass = outsideMass;
        method.solve();
        for (int l = 0; l < labs; l++) {
            int k = index == null ? l : index[l];
            labShare[l] = k >= 0 ? method.labShare[k] : 0;
        }
        System.arraycopy(method.holderKept, 0, holderKept, 0, holders);
        outsideShare = method.outsideShare;
        expectedLnDenominator = method.expectedLnDenominator;
    }
}
