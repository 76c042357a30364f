package owsim.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.SegmentSpec;

/**
 * Claims d, i: users who reconsider this month (the churn share; everyone in month 0) pick by
 * multinomial logit among the options of the labs they are aware of and can run: each lab's
 * subscription, free tier and API, third-party hosts of its open models, self-hosting its best
 * open model that fits their hardware, or nothing. Utility: alpha (K - K_ref) (K_ref: the frontier at month 0, so better models draw new users) - beta cost +
 * theta ln(1 + derivatives) + brand + option constant, plus the switching cost S for the option a
 * reconsidering user already has. Awareness of labs is independent across labs, so the expected
 * share is summed exactly over every subset of labs a user may know (2^labs subsets).
 */
final class Choice implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        growPopulation(w, s);
        boolean rebuilt = offers(w, s);
        ClassChoice choice = new ClassChoice(w, s, rebuilt);
        for (int c = 0; c < w.classes; c++) choice.choose(c);
    }

    /**
     * One month's choice, a user class at a time, with scratch arrays made once a month. The
     * class step is a method of its own so the JIT compiles it as one (a loop over classes inside
     * a long method was compiled again and again on stack replacement while a sweep warms up).
     */
    private static final class ClassChoice {
        private final World w;
        private final MarketState s;
        private final int L;
        private final int subsets;
        private final int half;
        /** Whether any lab's offers were rebuilt this month: only then can an option a user has be gone. */
        private final boolean offersRebuilt;
        private final int[] knowing;
        private final double[] prob;
        private final double[] cond;
        private final double[] expV;
        private final double[] labSum;
        private final double[] denom;
        private final double[] weight;
        private final double[] bonus;
        private final double[] lnDerivatives;
        private final LastValueCache exp;
        private final LastValueCache log;
        private int lastSeg = -1;
        private double eS = 1;

        ClassChoice(World w, MarketState s, boolean offersRebuilt) {
            this.w = w;
            this.s = s;
            this.offersRebuilt = offersRebuilt;
            L = w.labs;
            subsets = 1 << L;
            half = subsets >> 1;
            knowing = w.subsetsKnowing;
            prob = new double[subsets];
            cond = new double[L * half];
            expV = new double[w.options];
            labSum = new double[L];
            denom = new double[subsets];
            weight = new double[subsets];
            bonus = new double[w.options];
            lnDerivatives = lnDerivatives(w, s);
            exp = new LastValueCache(w.options, Math::exp);
            log = new LastValueCache(subsets, Math::log);
        }

        /** Class c's users who reconsider this month choose; its shares and the consumer surplus are updated. */
        void choose(int c) {
            int g = w.classSeg[c];
            SegmentSpec seg = w.scenario.segments().get(g);
            if (g != lastSeg) {
                subsetProbabilities(s, g, L, knowing, prob, cond);
                eS = Math.exp(seg.switchingCostUtils());
                lastSeg = g;
            }
            int row = c * w.options;
            Arrays.fill(labSum, 0);
            weights(w, s, c, lnDerivatives, expV, exp);
            int offered = s.offeredCount[c];
            for (int r = 0; r < offered; r++) {
                int o = s.offered[row + r];
                labSum[w.optLab[o]] += expV[o];
            }
            denom[0] = 1;
            for (int m = 1; m < subsets; m++) {
                int low = Integer.numberOfTrailingZeros(m);
                denom[m] = denom[m & (m - 1)] + labSum[low];
            }
            double churn = s.month == 0 ? 1 : seg.churnPerMonth();
            double stay = s.month == 0 ? 1 : eS;
            // Shares are read in place: each is overwritten only after its last read.
            double[] shares = s.shares;
            Arrays.fill(weight, 0);
            for (int r = 0; r < offered; r++) {
                int o = s.offered[row + r];
                double share = shares[row + o];
                if (share <= 0) {
                    bonus[o] = 0;
                    continue;
                }
                int i = w.optLab[o];
                double mass = churn * share;
                double extra = (stay - 1) * expV[o];
                double kept = 0;
                // The subsets that contain lab i, ascending (the hot loop of a run: options x subsets x classes x months).
                for (int k = i * half, end = k + half; k < end; k++) {
                    double p = cond[k];
                    if (p == 0) continue;
                    int m = knowing[k];
                    double x = mass * p / (denom[m] + extra);
                    weight[m] += x;
                    kept += x * extra;
                }
                bonus[o] = kept;
            }
            // Users of an option that is gone choose as if they had none; an option can go only when offers were rebuilt.
            double forced = offersRebuilt ? takeForced(row) : 0;
            double outside = churn * shares[row] + forced;
            double surplus = 0;
            for (int m = 0; m < subsets; m++) {
                if (prob[m] == 0) continue;
                weight[m] += outside * prob[m] / denom[m];
                surplus += prob[m] * log.apply(m, denom[m]);
            }
            if (seg.priceWeightPerUsd() > 0) {
                s.consumerSurplusUsd += surplus / seg.priceWeightPerUsd() * s.population[g] * w.classWeight[c];
            }
            double total = 0;
            for (int m = 0; m < subsets; m++) total += weight[m];
            shares[row] = (1 - churn) * shares[row] + total;
            for (int i = 0; i < L; i++) {
                double t = 0;
                for (int k = i * half, end = k + half; k < end; k++) t += weight[knowing[k]];
                labSum[i] = t;
            }
            for (int r = 0; r < offered; r++) {
                int o = s.offered[row + r];
                shares[row + o] = (1 - churn) * shares[row + o] + (expV[o] * labSum[w.optLab[o]] + bonus[o]);
            }
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

    /** ln(1 + derivatives) of each lab when the ecosystem mechanism is on, else 0. */
    static double[] lnDerivatives(World w, MarketState s) {
        boolean eco = w.scenario.mechanisms().ecosystem();
        double[] lnDerivatives = new double[w.labs];
        for (int i = 0; i < w.labs; i++) lnDerivatives[i] = eco ? Math.log1p(s.derivatives[i]) : 0;
        return lnDerivatives;
    }

    /**
     * exp(V) of each option offered to class c this month (entries of other options are left as
     * they were; 1 for none): alpha (K - K_ref) - beta (pay + shortfall)
     * + kind constant + theta ln(1 + D) + brand. The switching cost is the caller's.
     */
    static void weights(World w, MarketState s, int c, double[] lnDerivatives, double[] expV, LastValueCache exp) {
        int g = w.classSeg[c];
        SegmentSpec seg = w.scenario.segments().get(g);
        double alpha = seg.capabilityWeightPerDecade();
        double beta = seg.priceWeightPerUsd();
        double theta = seg.ecosystemWeight();
        double kRef = s.fixedCapability;
        int row = c * w.options;
        int kinds = g * w.options;
        expV[0] = 1;
        for (int k = 0, offered = s.offeredCount[c]; k < offered; k++) {
            int o = s.offered[row + k];
            Release r = modelOf(w, s, c, o);
            double v = alpha * (r.capability - kRef)
                - beta * s.offerPay[row + o] - beta * shortfallUsd(w, s, c, o)
                + w.optionUtility[kinds + o];
            v += theta * lnDerivatives[w.optLab[o]];
            v += w.optionBrand[o];
            expV[o] = exp.apply(o, Math.min(v, 700));
        }
    }

    /** Grows each segment's population by a month of its growth; returns the factors (all 1 in month 0). */
    static double[] growSegments(World w, MarketState s) {
        double[] f = new double[w.segments];
        Arrays.fill(f, 1);
        if (s.month == 0) return f;
        for (int g = 0; g < w.segments; g++) {
            f[g] = w.monthlyGrowth[g];
            s.population[g] *= f[g];
        }
        return f;
    }

    /** New members of a growing segment start with no option and choose when they reconsider. */
    private static void growPopulation(World w, MarketState s) {
        double[] factors = growSegments(w, s);
        if (s.month == 0) return;
        for (int g = 0; g < w.segments; g++) {
            double f = factors[g];
            if (f <= 1) continue;
            for (int c = w.segClassStart[g]; c < w.segClassStart[g + 1]; c++) {
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

    /**
     * Probability of each subset of known labs in segment g, and the same given that lab i is
     * known, for lab i's subsets in the order of {@code knowing} (row i of 2^(labs-1) entries).
     */
    private static void subsetProbabilities(MarketState s, int g, int L, int[] knowing, double[] prob, double[] cond) {
        int subsets = 1 << L;
        for (int m = 0; m < subsets; m++) {
            double p = 1;
            for (int i = 0; i < L; i++) {
                double a = s.awareness(g, i);
                p *= (m >> i & 1) != 0 ? a : 1 - a;
            }
            prob[m] = p;
        }
        for (int k = 0; k < knowing.length; k++) {
            int i = k / (subsets >> 1);
            int m = knowing[k];
            double q = 1;
            for (int j = 0; j < L; j++) {
                if (j == i) continue;
                double a = s.awareness(g, j);
                q *= (m >> j & 1) != 0 ? a : 1 - a;
            }
            cond[k] = q;
        }
    }

    /** The release behind option o for class c this month (set by {@link #offers}). */
    private static Release modelOf(World w, MarketState s, int c, int o) {
        return s.offerModel[c * w.options + o];
    }

    /** Value, at the lab's API price, of the tokens a capped plan withholds from the class's users. */
    private static double shortfallUsd(World w, MarketState s, int c, int o) {
        OptionKind k = w.optKind[o];
        if (k != OptionKind.SUBSCRIPTION && k != OptionKind.FREE) return 0;
        double missing = w.classTokens[c] - s.offerTokens[c * w.options + o];
        if (missing <= 0) return 0;
        return missing * w.overageUsdPerToken[w.optLab[o]];
    }

    /**
     * Fills this month's offers: availability, price, tokens, serving cost and model of every
     * class x option. A lab's offers change only with its releases; between them the cost of
     * compute is all that moves, so the offers of a lab without a new release or opening are last
     * month's rescaled by this month's cost factor. Returns whether a lab's offers were rebuilt.
     */
    static boolean offers(World w, MarketState s) {
        double cf = w.costFactor(s.month);
        boolean[] stale = new boolean[w.labs];
        for (int i = 0; i < w.labs; i++) stale[i] = s.offersBuiltAt[i] != s.releaseChanges[i];
        rescale(w, s, stale, cf);
        boolean rebuilt = false;
        for (int i = 0; i < w.labs; i++) {
            if (!stale[i]) continue;
            s.offersBuiltAt[i] = s.releaseChanges[i];
            List<Release> open = new ArrayList<>();
            for (Release r : s.releases) if (r.lab == i && r.isOpen()) open.add(r);
            open.sort((a, b) -> Double.compare(b.capability, a.capability));
            double inShare = w.scenario.technology().inputTokenShare();
            for (int c = 0; c < w.classes; c++) offersOf(w, s, c, i, open, cf, inShare);
            rebuilt = true;
        }
        if (rebuilt) listOffered(w, s);
        return rebuilt;
    }

    /**
     * Applies this month's cost factor to last month's offers of the labs that are not stale, as
     * {@link #offersOf} would: the same products in the same order. A lab with a payment that is
     * no longer finite becomes stale (rebuilt, without that offer).
     */
    private static void rescale(World w, MarketState s, boolean[] stale, double cf) {
        for (int c = 0; c < w.classes; c++) {
            int row = c * w.options;
            for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
                int o = s.offered[row + r];
                if (stale[w.optLab[o]]) continue;
                int idx = row + o;
                double base = s.offerCostBase[idx];
                int kind = w.optKindCode[o];
                if (kind <= World.API_CODE) { // the lab's own plans and API: only the serving cost scales
                    s.offerServing[idx] = s.offerTokens[idx] * (base * cf);
                } else if (kind == World.HOSTED_CODE) {
                    double serving = base * cf;
                    s.offerServing[idx] = serving;
                    s.offerPay[idx] = serving * w.hostPayFactor[w.optHost[o]];
                } else {
                    s.offerPay[idx] = base * cf;
                }
                if (!Double.isFinite(s.offerPay[idx])) stale[w.optLab[o]] = true;
            }
        }
    }

    /**
     * Lab i's offers to class c this month: its plans and API on its frontier model, hosts and
     * self-hosting of its open models ({@code open}, most capable first).
     */
    private static void offersOf(World w, MarketState s, int c, int i, List<Release> open, double cf, double inShare) {
        int g = w.classSeg[c];
        int row = c * w.options;
        double t = w.classTokens[c];
        LabSpec l = w.scenario.labs().get(i);
        Release f = s.frontier(i);
        int base = w.base(i);
        Arrays.fill(s.offerAvailable, row + base, row + base + w.perLab, false);
        if (f != null) {
            double perToken = w.ownFleet(f).usdPerToken(l.fleetOwned());
            double cost = perToken * cf;
            boolean isOpen = f.isOpen();
            if (l.subscription() != null && w.allows(g, OptionKind.SUBSCRIPTION)) {
                double tk = w.classSubTokens[c * w.labs + i];
                set(s, row + base + World.SUB, f, l.subscription().usdPerMonth(), tk, tk * cost, isOpen, perToken);
            }
            if (l.freeTier() != null && w.allows(g, OptionKind.FREE)) {
                double tk = w.classFreeTokens[c * w.labs + i];
                set(s, row + base + World.FREE, f, 0, tk, tk * cost, isOpen, perToken);
            }
            if (l.api() != null && w.allows(g, OptionKind.API)) {
                // Priced at the API's own speed floor; t * (base * cf), as the monthly rescale computes it.
                double apiPerToken = w.ownApiFleet(f).usdPerToken(l.fleetOwned());
                set(s, row + base + World.API, f, t * l.api().usdPerToken(inShare), t, t * (apiPerToken * cf), isOpen, apiPerToken);
            }
        }
        if (open.isEmpty()) return;
        Release best = open.get(0);
        if (w.allows(g, OptionKind.HOSTED)) {
            for (int h = 0; h < w.hosts; h++) {
                ServingPrices.FleetPrice fp = w.hostFleet(best, h);
                if (!fp.fits()) continue;
                double rented = t * fp.rentedUsdPerToken();
                double serving = rented * cf;
                set(s, row + base + World.HOSTED0 + h, best, serving * w.hostPayFactor[h], t, serving, true, rented);
            }
        }
        if (!w.allows(g, OptionKind.SELFHOST)) return;
        int o = row + w.selfhost(i);
        if (w.classVramIndex[c] >= 0) {
            for (Release r : open) {
                ServingPrices.CardPrice cp = w.card(r, g, w.classVramIndex[c]);
                if (cp.fits()) {
                    double own = t * cp.usdPerToken();
                    set(s, o, r, own * cf, t, 0, true, own);
                    return;
                }
            }
        } else if (w.classDatacenter[c]) {
            ServingPrices.FleetPrice fp = w.datacenter(best, g);
            if (fp.fits()) {
                double rented = Math.max(fp.deploymentUsdPerMonth(), t * fp.rentedUsdPerToken());
                set(s, o, best, rented * cf, t, 0, true, rented);
            }
        }
    }

    /** Lists each class's options this month, ascending, for the loops that skip the rest. */
    private static void listOffered(World w, MarketState s) {
        for (int c = 0; c < w.classes; c++) {
            int row = c * w.options;
            int n = 0;
            for (int o = 1; o < w.options; o++) if (s.offerAvailable[row + o]) s.offered[row + n++] = o;
            s.offeredCount[c] = n;
        }
    }

    private static void set(MarketState s, int idx, Release r, double pay, double tokens, double serving, boolean open, double costBase) {
        if (!Double.isFinite(pay)) {
            s.offersBuiltAt[r.lab] = -1; // not offered this month, but perhaps once compute is cheaper: rebuild next month
            return;
        }
        s.offerAvailable[idx] = true;
        s.offerModel[idx] = r;
        s.offerPay[idx] = pay;
        s.offerTokens[idx] = tokens;
        s.offerServing[idx] = serving;
        s.offerOpen[idx] = open;
        s.offerCostBase[idx] = costBase;
    }
}
