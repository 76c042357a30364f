package owsim.market;

import java.util.Arrays;
import owsim.scenario.SegmentSpec;

/**
 * Claims d, i: users who reconsider this month (the churn share; everyone in month 0) pick by
 * multinomial logit among the options of the labs they are aware of and can run: each lab's
 * subscription, free tier and API, third-party hosts of its open models, self-hosting its best
 * open model that fits their hardware, or nothing. Utility: alpha (K - K_ref) (K_ref: the frontier
 * at month 0, so better models draw new users) - beta cost + theta ln(1 + derivatives) + brand +
 * option constant, plus the switching cost S for the option a reconsidering user already has.
 * Awareness of labs is independent across labs; the expectation over the labs a user may know is
 * {@link KnownLabsLogit}'s (exact over every subset up to 10 labs, an integral beyond).
 *
 * <p>The month's choice is three steps, each a class of its own: the segments grow
 * ({@link SegmentGrowth}), the labs make their offers ({@link Offers}) with their logit weights
 * ({@link OptionWeights}), and each class's reconsidering users choose (here).
 */
final class Choice implements Mechanism {
    private final int exactMaxLabs;

    public Choice() {
        this(KnownLabsLogit.EXACT_MAX_LABS);
    }

    /** A choice that sums over every subset of known labs up to {@code exactMaxLabs} labs and integrates beyond. */
    Choice(int exactMaxLabs) {
        this.exactMaxLabs = exactMaxLabs;
    }

    @Override public void apply(World w, MarketState s) {
        SegmentGrowth.growPopulation(w, s);
        boolean rebuilt = Offers.build(w, s);
        ClassChoice choice = s.classChoice;
        if (choice == null || choice.exactMaxLabs != exactMaxLabs) {
            choice = new ClassChoice(w, s, exactMaxLabs);
            s.classChoice = choice;
        }
        choice.startMonth(rebuilt);
        for (int c = 0; c < w.classes; c++) choice.choose(c);
    }

    /**
     * The probability that a member of segment g knows lab l and can reach its services: the
     * segment's awareness. (A lab unavailable to a segment would have 0 here; the choice takes any
     * per-segment, per-lab value in [0, 1].)
     */
    static void knownLabs(World w, MarketState s, int g, double[] known) {
        for (int l = 0; l < w.labs; l++) known[l] = s.awareness(g, l);
    }

    /**
     * A run's choice, a user class at a time, with scratch arrays made once a run (kept in the
     * run's state: a month allocates none; the caches of exp and log keep their last values across
     * months, which gives the same doubles). The class step is a method of its own so the JIT
     * compiles it as one (a loop over classes inside a long method was compiled again and again on
     * stack replacement while a sweep warms up).
     */
    static final class ClassChoice {
        private final World w;
        private final MarketState s;
        /** The most labs summed exactly, as the {@link Choice} that made it was given. */
        final int exactMaxLabs;
        private final KnownLabsLogit logit;
        private final double[] known;
        private final double[] expV;
        private final double[] bonus;
        private final int[] holderOption;
        private final double[] lnDerivatives;
        private final LastValueCache exp;
        /** exp(V) of each class x option as last computed for that class (see {@link OptionWeights#weights}). */
        private final LastValueCache classExp;
        /** Whether any lab's offers were rebuilt this month: only then can an option a user has be gone. */
        private boolean offersRebuilt;
        private int lastSeg = -1;
        private double eS = 1;
        /** Whether a class may take the choice of the class before it ({@link #sameAsLast}); off only in tests. */
        boolean takeTwins = true;
        /** Class-months that took the choice of the class before (for tests). */
        int twinsTaken;
        /** The class chosen last (-1: none this month) and its shares before it chose. */
        private int lastClass = -1;
        private final double[] lastShares;
        private final double[] rowShares;

        ClassChoice(World w, MarketState s, int exactMaxLabs) {
            this.w = w;
            this.s = s;
            this.exactMaxLabs = exactMaxLabs;
            logit = KnownLabsLogit.forLabs(w.labs, w.options, exactMaxLabs);
            known = new double[w.labs];
            expV = new double[w.options];
            bonus = new double[w.options];
            holderOption = new int[w.options];
            lnDerivatives = new double[w.labs];
            exp = new LastValueCache(w.options, Math::exp);
            classExp = new LastValueCache(w.classes * w.options, Math::exp);
            lastShares = new double[w.options];
            rowShares = new double[w.options];
        }

        /** Starts a month: this month's ln(1 + derivatives), and awareness set again at the first class of each segment. */
        void startMonth(boolean offersRebuilt) {
            this.offersRebuilt = offersRebuilt;
            OptionWeights.lnDerivatives(w, s, lnDerivatives);
            lastSeg = -1;
            eS = 1;
            lastClass = -1;
        }

        /** Class c's users who reconsider this month choose; its shares and the consumer surplus are updated. */
        void choose(int c) {
            int g = w.userClasses.segment[c];
            SegmentSpec seg = w.scenario.segments().get(g);
            if (g != lastSeg) {
                knownLabs(w, s, g, known);
                logit.awareness(known);
                eS = Math.exp(seg.switchingCostUtils());
                lastSeg = g;
            }
            int row = c * w.options;
            System.arraycopy(s.shares, row, rowShares, 0, w.options);
            boolean twin = takeTwins && c > 0 && lastClass == c - 1 && g == lastSeg && sameAsLast(c, row);
            lastClass = c;
            System.arraycopy(rowShares, 0, lastShares, 0, w.options);
            if (twin) {
                // The same segment, offers and shares as the class before: the same choice, so the
                // same shares (every option's) and E[ln D]; the surplus is weighed by this class.
                System.arraycopy(s.shares, row - w.options, s.shares, row, w.options);
                addSurplus(seg, g, c);
                twinsTaken++;
                return;
            }
            double[] labWeight = logit.labWeight;
            Arrays.fill(labWeight, 0);
            OptionWeights.weights(w, s, c, lnDerivatives, expV, exp, classExp);
            int offered = s.offeredCount[c];
            for (int r = 0; r < offered; r++) {
                int o = s.offered[row + r];
                labWeight[w.optionTable.lab[o]] += expV[o];
            }
            double churn = s.month == 0 ? 1 : seg.churnPerMonth();
            double stay = s.month == 0 ? 1 : eS;
            // Shares are read in place: each is overwritten only after its last read.
            double[] shares = s.shares;
            logit.clearHolders();
            for (int r = 0; r < offered; r++) {
                int o = s.offered[row + r];
                double share = shares[row + o];
                bonus[o] = 0;
                if (share <= 0) continue;
                holderOption[logit.holders] = o;
                logit.addHolder(w.optionTable.lab[o], churn * share, (stay - 1) * expV[o]);
            }
            // Users of an option that is gone choose as if they had none; an option can go only when offers were rebuilt.
            double forced = offersRebuilt ? takeForced(row) : 0;
            logit.outsideMass = churn * shares[row] + forced;
            logit.solve();
            for (int h = 0; h < logit.holders; h++) bonus[holderOption[h]] = logit.holderKept[h];
            addSurplus(seg, g, c);
            shares[row] = (1 - churn) * shares[row] + logit.outsideShare;
            double[] labShare = logit.labShare;
            for (int r = 0; r < offered; r++) {
                int o = s.offered[row + r];
                shares[row + o] = (1 - churn) * shares[row + o] + (expV[o] * labShare[w.optionTable.lab[o]] + bonus[o]);
            }
        }

        private void addSurplus(SegmentSpec seg, int g, int c) {
            if (seg.priceWeightPerUsd() > 0) {
                s.consumerSurplusUsd += logit.expectedLnDenominator / seg.priceWeightPerUsd() * s.population[g] * w.userClasses.weight[c];
            }
        }

        /**
         * Whether class c (of the segment of class c - 1, chosen just before) has that class's
         * inputs to the choice: the same shares before choosing (every option's, so also those of
         * options no longer offered) and the same offered options with the same capability,
         * payment and shortfall (its utility's other terms are the segment's and the lab's).
         * How many class-months take it: docs/BENCHMARKS.md, "Counting the month's work".
         */
        private boolean sameAsLast(int c, int row) {
            int prev = row - w.options;
            int offered = s.offeredCount[c];
            if (offered != s.offeredCount[c - 1]) return false;
            for (int o = 0; o < w.options; o++) if (!same(rowShares[o], lastShares[o])) return false;
            for (int r = 0; r < offered; r++) {
                int o = s.offered[row + r];
                if (o != s.offered[prev + r]) return false;
                if (!same(s.offerCapability[row + o], s.offerCapability[prev + o]) || !same(s.offerPay[row + o], s.offerPay[prev + o])
                    || !same(s.offerShortfallUsd[row + o], s.offerShortfallUsd[prev + o])) return false;
            }
            return true;
        }

        /** The same double, bit for bit (0 and -0 differ; NaN is never the same). */
        private static boolean same(double a, double b) {
            return a == b && Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
        }

        /** The summed shares of the class's options that are no longer offered, each set to 0. */
        private double takeForced(int row) {
            double forced = 0;
            for (int o = 1; o < w.options; o++) {
                if (s.shares[row + o] > 0 && !s.offerAvailable[row + o]) {
                    forced += s.shares[row + o];
                    s.shares[row + o] = 0;
                }
            }
            return forced;
        }
    }
}
