package owsim.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.scenario.HostSpec;
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
public final class Choice implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        growPopulation(w, s);
        offers(w, s);
        ClassChoice choice = new ClassChoice(w, s);
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
        private final int[] knowing;
        private final double[] prob;
        private final double[] cond;
        private final double[] expV;
        private final double[] labSum;
        private final double[] denom;
        private final double[] weight;
        private final double[] bonus;
        private final double[] old;
        private final double[] lnDerivatives;
        private final LastValueCache exp;
        private final LastValueCache log;
        private int lastSeg = -1;
        private double eS = 1;

        ClassChoice(World w, MarketState s) {
            this.w = w;
            this.s = s;
            L = w.labs;
            subsets = 1 << L;
            half = subsets >> 1;
            knowing = w.subsetsKnowing;
            prob = new double[subsets];
            cond = new double[L * subsets];
            expV = new double[w.options];
            labSum = new double[L];
            denom = new double[subsets];
            weight = new double[subsets];
            bonus = new double[w.options];
            old = new double[w.options];
            lnDerivatives = lnDerivatives(w, s);
            exp = new LastValueCache(w.options, Math::exp);
            log = new LastValueCache(subsets, Math::log);
        }

        /** Class c's users who reconsider this month choose; its shares and the consumer surplus are updated. */
        void choose(int c) {
            int g = w.classSeg[c];
            SegmentSpec seg = w.scenario.segments().get(g);
            if (g != lastSeg) {
                subsetProbabilities(s, g, L, prob, cond);
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
            System.arraycopy(s.shares, row, old, 0, w.options);
            Arrays.fill(weight, 0);
            Arrays.fill(bonus, 0);
            double forced = 0;
            for (int o = 1; o < w.options; o++) {
                if (old[o] <= 0) continue;
                if (!s.offerAvailable[row + o]) {
                    forced += old[o];
                    continue;
                }
                int i = w.optLab[o];
                double mass = churn * old[o];
                double extra = (stay - 1) * expV[o];
                double kept = 0;
                // The subsets that contain lab i, ascending (the hot loop of a run: options x subsets x classes x months).
                for (int k = i * half, end = k + half; k < end; k++) {
                    int m = knowing[k];
                    double p = cond[i * subsets + m];
                    if (p == 0) continue;
                    double x = mass * p / (denom[m] + extra);
                    weight[m] += x;
                    kept += x * extra;
                }
                bonus[o] = kept;
            }
            double outside = churn * old[0] + forced;
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
            s.shares[row] = (1 - churn) * old[0] + total;
            for (int i = 0; i < L; i++) {
                double t = 0;
                for (int k = i * half, end = k + half; k < end; k++) t += weight[knowing[k]];
                labSum[i] = t;
            }
            Arrays.fill(s.shares, row + 1, row + w.options, 0);
            for (int r = 0; r < offered; r++) {
                int o = s.offered[row + r];
                s.shares[row + o] = (1 - churn) * old[o] + (expV[o] * labSum[w.optLab[o]] + bonus[o]);
            }
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
     * exp(V) of every option for class c this month, 0 for options the class cannot use (not
     * offered, or a model its hardware cannot run): alpha (K - K_ref) - beta (pay + shortfall)
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
        Arrays.fill(expV, 0);
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
            for (int c = 0; c < w.classes; c++) {
                if (w.classSeg[c] != g) continue;
                int row = c * w.options;
                double rest = 0;
                for (int o = 1; o < w.options; o++) {
                    s.shares[row + o] /= f;
                    rest += s.shares[row + o];
                }
                s.shares[row] = 1 - rest;
            }
        }
    }

    /** Probability of each subset of known labs in segment g, and the same given that lab i is known. */
    private static void subsetProbabilities(MarketState s, int g, int L, double[] prob, double[] cond) {
        int subsets = 1 << L;
        for (int m = 0; m < subsets; m++) {
            double p = 1;
            for (int i = 0; i < L; i++) {
                double a = s.awareness(g, i);
                p *= (m >> i & 1) != 0 ? a : 1 - a;
            }
            prob[m] = p;
            for (int i = 0; i < L; i++) {
                if ((m >> i & 1) == 0) {
                    cond[i * subsets + m] = 0;
                    continue;
                }
                double q = 1;
                for (int j = 0; j < L; j++) {
                    if (j == i) continue;
                    double a = s.awareness(g, j);
                    q *= (m >> j & 1) != 0 ? a : 1 - a;
                }
                cond[i * subsets + m] = q;
            }
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

    /** Fills this month's offers: availability, price, tokens, serving cost and model of every class x option. */
    static void offers(World w, MarketState s) {
        double inShare = w.scenario.technology().inputTokenShare();
        double cf = w.costFactor(s.month);
        List<List<Release>> open = new ArrayList<>();
        for (int i = 0; i < w.labs; i++) open.add(new ArrayList<>());
        for (Release r : s.releases) if (r.isOpen()) open.get(r.lab).add(r);
        for (List<Release> l : open) l.sort((a, b) -> Double.compare(b.capability, a.capability));
        Arrays.fill(s.offerAvailable, false);
        for (int c = 0; c < w.classes; c++) offersTo(w, s, c, open, cf, inShare);
        listOffered(w, s);
    }

    /** Class c's offers this month: each lab's plans and API on its frontier model, hosts and self-hosting of its open models. */
    private static void offersTo(World w, MarketState s, int c, List<List<Release>> open, double cf, double inShare) {
        int g = w.classSeg[c];
        int row = c * w.options;
        double t = w.classTokens[c];
        for (int i = 0; i < w.labs; i++) {
            LabSpec l = w.scenario.labs().get(i);
            Release f = s.frontier(i);
            int base = w.base(i);
            if (f != null) {
                double cost = w.ownFleet(f).usdPerToken(l.fleetOwned()) * cf;
                boolean isOpen = f.isOpen();
                if (l.subscription() != null && w.allows(g, OptionKind.SUBSCRIPTION)) {
                    double tk = w.classSubTokens[c * w.labs + i];
                    set(s, row + base + World.SUB, f, l.subscription().usdPerMonth(), tk, tk * cost, isOpen);
                }
                if (l.freeTier() != null && w.allows(g, OptionKind.FREE)) {
                    double tk = w.classFreeTokens[c * w.labs + i];
                    set(s, row + base + World.FREE, f, 0, tk, tk * cost, isOpen);
                }
                if (l.api() != null && w.allows(g, OptionKind.API)) {
                    set(s, row + base + World.API, f, t * l.api().usdPerToken(inShare), t, t * cost, isOpen);
                }
            }
            List<Release> mine = open.get(i);
            if (mine.isEmpty()) continue;
            Release best = mine.get(0);
            if (w.allows(g, OptionKind.HOSTED)) {
                for (int h = 0; h < w.hosts; h++) {
                    HostSpec host = w.scenario.hosts().get(h);
                    ServingPrices.FleetPrice fp = w.hostFleet(best, h);
                    if (!fp.fits()) continue;
                    double serving = t * fp.rentedUsdPerToken() * cf;
                    set(s, row + base + World.HOSTED0 + h, best, serving * (1 + host.markup()), t, serving, true);
                }
            }
            if (w.allows(g, OptionKind.SELFHOST)) {
                int o = row + w.selfhost(i);
                if (w.classVramIndex[c] >= 0) {
                    for (int k = 0; k < mine.size(); k++) {
                        Release r = mine.get(k);
                        ServingPrices.CardPrice cp = w.card(r, g, w.classVramIndex[c]);
                        if (cp.fits()) {
                            set(s, o, r, t * cp.usdPerToken() * cf, t, 0, true);
                            break;
                        }
                    }
                } else if (w.classDatacenter[c]) {
                    ServingPrices.FleetPrice fp = w.datacenter(best, g);
                    if (fp.fits()) set(s, o, best, Math.max(fp.deploymentUsdPerMonth(), t * fp.rentedUsdPerToken()) * cf, t, 0, true);
                }
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

    private static void set(MarketState s, int idx, Release r, double pay, double tokens, double serving, boolean open) {
        if (!Double.isFinite(pay)) return;
        s.offerAvailable[idx] = true;
        s.offerModel[idx] = r;
        s.offerPay[idx] = pay;
        s.offerTokens[idx] = tokens;
        s.offerServing[idx] = serving;
        s.offerOpen[idx] = open;
    }
}
