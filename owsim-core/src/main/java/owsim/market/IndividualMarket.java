package owsim.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.random.Lognormal;
import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.SegmentSpec;
import owsim.scenario.VramShare;

/**
 * The market month for an engine of individual users: the same mechanism objects as the aggregate
 * engine for everything lab-level, and, for attention, choice and usage, the per-segment and
 * per-class coefficients those mechanisms compute, handed over as flat tables. The engine applies
 * them to each user and books its tallies back through {@link #afterUsers}, so the state, the
 * metrics and the accounting are the aggregate engine's own.
 *
 * <p>Option indices here are the world's minus one: 0 .. options - 2 are real options and -1 is
 * "none", as individual users store them.
 */
public final class IndividualMarket {
    private static final double DT_YEARS = 1.0 / 12;

    private final World w;
    private final MarketState s;
    private final boolean caps;
    /** (segment, usage bin, hardware entry) to class, [(g * bins + b) * maxHw + k]. */
    private final int[] classLookup;
    private final int maxHw;
    private final List<double[]> hwShares = new ArrayList<>();

    /** Users' options (world index minus one). */
    public final int userOptions;
    public final int classes;
    public final int labs;
    public final int segments;
    /** Lab of each user option. */
    public final int[] optionLab;
    /** Whether users of the option count as the lab's users for word of mouth (copies of open models when the scenario says so). */
    public final boolean[] optionSpreadsWord;
    /** Plan's monthly token cap of each user option (infinity if none or caps are off). */
    public final double[] optionTokenCap;
    /**
     * This month's monthly token cap of each user option per class, [c * userOptions + o]: the
     * option's cap, except a lab's subscription to a class its pro plan is offered to, whose cap is
     * the pro plan's (mechanism proPlans, chosen with the offer), and a subscription's cap as
     * mechanism planPricing has moved it.
     */
    public final double[] tokenCap;
    /**
     * Per segment: the factor on each user's month-0 usage this month (mechanism {@code usageGrowth};
     * 1 without it). A user's tokens are its drawn usage times it, within its plan's cap.
     */
    public final double[] usageFactor;
    /** Whether the subscriptions' caps are set each month from the offers (proPlans or planPricing on). */
    private final boolean capsFromOffers;
    /** Segment of each class. */
    public final int[] classSegment;
    /**
     * Per segment: the share of its adopters who also use a second assistant (mechanism
     * multiHoming; all 0 when it is off), and whether any segment has one above 0.
     */
    public final double[] secondAssistantShare;
    public final boolean multiHoming;

    // This month's coefficients, filled by beforeUsers.
    /** Fully mixed: probability that an unaware user of segment g learns of lab l this month, [g * labs + l]. */
    public final double[] mixedHazard;
    /** External rate P per year and own-segment word of mouth per year on the neighbours' adopted share, [g * labs + l]. */
    public final double[] externalPerYear;
    public final double[] ownWordOfMouthPerYear;
    /** Probability that a user with an option is replaced by a new member with none (segment growth). */
    public final double[] replacedShare;
    /** Probability of reconsidering, and exp(switching cost) on the current option, per segment. */
    public final double[] reconsider;
    public final double[] stayFactor;
    /** exp(V) of each user option per class, 0 where unusable, [c * userOptions + o]. */
    public final double[] weight;
    /** Whether each user option is offered to the class this month (and its hardware can run it), [c * userOptions + o]. */
    public final boolean[] usable;
    /** Per class and lab: the summed exp(V) of the lab's options the class can use, [c * labs + l]. */
    public final double[] labWeight;
    /**
     * Up to {@link #TABLE_MAX_LABS} labs: 1 + sum of weights of the options of the labs in an
     * awareness pattern, [c &lt;&lt; labs | pattern], the same doubles as {@link #denominator(int, int)};
     * null for more labs (2^labs patterns per class would not fit).
     */
    public final double[] denominator;
    /** Most labs for which every awareness pattern's denominator is tabled each month. */
    public static final int TABLE_MAX_LABS = 8;

    IndividualMarket(World w, MarketState s) {
        this.w = w;
        this.s = s;
        this.caps = w.scenario.mechanisms().subscriptionCaps();
        labs = w.labs;
        segments = w.segments;
        classes = w.classes;
        userOptions = w.options - 1;
        optionLab = new int[userOptions];
        optionSpreadsWord = new boolean[userOptions];
        optionTokenCap = new double[userOptions];
        boolean copies = w.scenario.mechanisms().hobbyistAdoption();
        for (int o = 0; o < userOptions; o++) {
            int wo = o + 1;
            optionLab[o] = w.optionTable.lab[wo];
            OptionKind k = w.optionTable.kind[wo];
            optionSpreadsWord[o] = copies || (k != OptionKind.HOSTED && k != OptionKind.SELFHOST);
            LabSpec l = w.scenario.labs().get(w.optionTable.lab[wo]);
            double cap = Double.POSITIVE_INFINITY;
            if (caps && k == OptionKind.SUBSCRIPTION && l.subscription() != null) cap = l.subscription().monthlyTokenCap();
            if (caps && k == OptionKind.FREE && l.freeTier() != null) cap = l.freeTier().monthlyTokenCap();
            optionTokenCap[o] = cap;
        }
        tokenCap = new double[w.classes * userOptions];
        usageFactor = new double[segments];
        Arrays.fill(usageFactor, 1);
        capsFromOffers = ProPlans.on(w) || PlanPricing.on(w);
        for (int c = 0; c < w.classes; c++) System.arraycopy(optionTokenCap, 0, tokenCap, c * userOptions, userOptions);
        classSegment = w.userClasses.segment.clone();
        secondAssistantShare = MultiHoming.shares(w);
        multiHoming = MultiHoming.on(w);
        int bins = UserClasses.BIN_EDGES.length - 1;
        int most = 1;
        for (int g = 0; g < segments; g++) {
            double[] h = hardware(w.scenario.segments().get(g));
            hwShares.add(h);
            most = Math.max(most, h.length);
        }
        maxHw = most;
        classLookup = new int[segments * bins * maxHw];
        Arrays.fill(classLookup, -1);
        for (int c = 0; c < classes; c++) {
            int g = w.userClasses.segment[c];
            int b = w.userClasses.bin[c];
            int k = w.userClasses.hardware[c];
            classLookup[(g * bins + b) * maxHw + k] = c;
        }
        // A hardware entry with no share has no class; its (impossible in expectation) users join the nearest entry's.
        for (int g = 0; g < segments; g++) {
            for (int b = 0; b < bins; b++) {
                int base = (g * bins + b) * maxHw;
                int last = -1;
                for (int k = 0; k < maxHw; k++) if (classLookup[base + k] >= 0) last = classLookup[base + k];
                for (int k = maxHw - 1; k >= 0; k--) {
                    if (classLookup[base + k] >= 0) last = classLookup[base + k];
                    else classLookup[base + k] = last;
                }
            }
        }
        mixedHazard = new double[segments * labs];
        externalPerYear = new double[segments * labs];
        ownWordOfMouthPerYear = new double[segments * labs];
        replacedShare = new double[segments];
        reconsider = new double[segments];
        stayFactor = new double[segments];
        weight = new double[classes * userOptions];
        usable = new boolean[classes * userOptions];
        labWeight = new double[classes * labs];
        denominator = labs <= TABLE_MAX_LABS ? new double[classes << labs] : null;
    }

    /**
     * 1 + the summed weights of the labs in {@code pattern} (bit l: lab l known) for class c,
     * added from the highest lab down, as the table adds them, so the double is the table's.
     */
    public double denominator(int c, int pattern) {
        double d = 1;
        int base = c * labs;
        for (int m = pattern; m != 0; m &= ~Integer.highestOneBit(m)) d += labWeight[base + 31 - Integer.numberOfLeadingZeros(m)];
        return d;
    }

    /**
     * A segment's hardware entries, in the world's class order: its VRAM classes, then the rest
     * (data-centre users, or no usable GPU). Their shares are what a user's hardware index is drawn from.
     */
    private static double[] hardware(SegmentSpec seg) {
        List<Double> shares = new ArrayList<>();
        double sum = 0;
        for (VramShare v : seg.vram()) {
            shares.add(v.share());
            sum += v.share();
        }
        if (seg.datacenterHardware() != null || sum < 1 - 1e-12) shares.add(Math.max(0, 1 - sum));
        return shares.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Shares of the hardware entries of segment g (VRAM classes, then the rest), for drawing users. */
    public double[] hardwareShares(int g) {
        return hwShares.get(g).clone();
    }

    /** Each segment's share of the starting population. */
    public double[] segmentShares() {
        double total = 0;
        for (SegmentSpec g : w.scenario.segments()) total += g.population();
        double[] out = new double[segments];
        for (int g = 0; g < segments; g++) out[g] = w.scenario.segments().get(g).population() / total;
        return out;
    }

    /** Each segment's starting population, people. */
    public double[] segmentPopulations() {
        double[] out = new double[segments];
        for (int g = 0; g < segments; g++) out[g] = w.scenario.segments().get(g).population();
        return out;
    }

    /** The world of the run: for this package's tests, which watch an agent run month by month. */
    World world() {
        return w;
    }

    /** The state of the run as the last month left it: for this package's tests. */
    MarketState state() {
        return s;
    }

    /** Median tokens per month and sigma of their logarithm in segment g. */
    public double usageMedian(int g) {
        return w.scenario.segments().get(g).medianTokensPerMonth();
    }

    public double usageSigma(int g) {
        return w.scenario.segments().get(g).usageSigma();
    }

    /** Share of segment g aware of lab l at the start. */
    public double initialAwareness(int g, int l) {
        return s.awareness(g, l);
    }

    /**
     * The user class of a member of segment g whose usage is at quantile {@code u} of the
     * segment's lognormal, with hardware entry k: the world's class of that usage bin and hardware.
     */
    public int classOf(int g, double usageQuantile, int hardwareEntry) {
        int b = 0;
        while (b + 2 < UserClasses.BIN_EDGES.length && usageQuantile >= UserClasses.BIN_EDGES[b + 1]) b++;
        return classLookup[(g * (UserClasses.BIN_EDGES.length - 1) + b) * maxHw + hardwareEntry];
    }

    /** Quantile of a usage in segment g's lognormal. */
    public double usageQuantile(int g, double tokensPerMonth) {
        SegmentSpec seg = w.scenario.segments().get(g);
        return Lognormal.phi(Math.log(tokensPerMonth / seg.medianTokensPerMonth()) / seg.usageSigma());
    }

    /** Puts the realised awareness of the starting population into the state. */
    public void startAwareness(long[] awareBySegmentLab, long[] usersBySegment) {
        for (int g = 0; g < segments; g++) {
            for (int l = 0; l < labs; l++) {
                s.awareness[g * labs + l] = usersBySegment[g] == 0 ? 0 : (double) awareBySegmentLab[g * labs + l] / usersBySegment[g];
            }
        }
    }

    /**
     * Runs the lab-level mechanisms that come before the users (research, releases, distillation,
     * news), grows the segments and fills this month's coefficients for the users.
     */
    public void beforeUsers(int month) {
        Runs.step(w, s, month, MonthlySteps.BEFORE_USERS);
        Attention.decayNews(w, s);
        int n = segments * labs;
        double[] q = new double[n];
        Attention.rates(w, s, externalPerYear, q, ownWordOfMouthPerYear);
        for (int k = 0; k < n; k++) {
            double a = s.awareness[k];
            // The exact one-step transition of the aggregate's Riccati equation at the realised share.
            mixedHazard[k] = a >= 1 ? 0 : Math.max(0, (Attention.step(a, externalPerYear[k], q[k], DT_YEARS) - a) / (1 - a));
        }
        double[] growth = SegmentGrowth.growSegments(w, s);
        for (int g = 0; g < segments; g++) {
            SegmentSpec seg = w.scenario.segments().get(g);
            replacedShare[g] = growth[g] > 1 ? 1 - 1 / growth[g] : 0;
            reconsider[g] = month == 0 ? 1 : seg.churnPerMonth();
            stayFactor[g] = month == 0 ? 1 : Math.exp(seg.switchingCostUtils());
            usageFactor[g] = w.usageGrows() ? seg.usageFactor(month) : 1;
        }
        Offers.build(w, s);
        if (capsFromOffers) takeCapsFromOffers();
        double[] lnDerivatives = OptionWeights.lnDerivatives(w, s);
        double[] expV = new double[w.options];
        LastValueCache exp = new LastValueCache(w.options, Math::exp);
        double[] labSum = new double[labs];
        int patterns = denominator == null ? 0 : 1 << labs;
        for (int c = 0; c < classes; c++) {
            OptionWeights.weights(w, s, c, lnDerivatives, expV, exp);
            Arrays.fill(labSum, 0);
            for (int o = 1; o < w.options; o++) {
                double v = s.offerAvailable[c * w.options + o] ? expV[o] : 0;
                weight[c * userOptions + o - 1] = v;
                usable[c * userOptions + o - 1] = s.offerAvailable[c * w.options + o];
                labSum[w.optionTable.lab[o]] += v;
            }
            System.arraycopy(labSum, 0, labWeight, c * labs, labs);
            if (denominator == null) continue;
            int base = c << labs;
            denominator[base] = 1;
            for (int m = 1; m < patterns; m++) {
                denominator[base + m] = denominator[base + (m & (m - 1))] + labSum[Integer.numberOfTrailingZeros(m)];
            }
        }
    }

    /** Each class's subscription caps as this month's offers chose its plan (the pro plan's cap where it is offered, else the base plan's). */
    private void takeCapsFromOffers() {
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < labs; i++) {
                int o = w.optionTable.base(i) + OptionTable.SUB - 1;
                // The lab's caps this month (planPricing moves them from the scenario's; without it they are the scenario's, the same doubles).
                double own = s.offerPro[c * labs + i] ? s.proCapTokens[i] : s.planCapTokens[i];
                // (the option's cap is finite exactly when caps are on and the lab has a subscription)
                tokenCap[c * userOptions + o] = optionTokenCap[o] < Double.POSITIVE_INFINITY ? own : optionTokenCap[o];
            }
        }
    }

    /**
     * Books the month's users (counts per class and user option, their capped tokens, aware counts
     * per segment and lab, the sum of ln(denominator) per segment for consumer surplus, and the
     * number of simulated users per segment), then runs the lab-level mechanisms after usage.
     * Each simulated user of segment g stands for population(g) / users(g) people.
     */
    public void afterUsers(long[] usersByClassOption, double[] tokensByClassOption, long[] awareBySegmentLab,
                           double[] lnDenominatorBySegment, long[] usersBySegment) {
        afterUsers(usersByClassOption, tokensByClassOption, awareBySegmentLab, lnDenominatorBySegment, usersBySegment, null);
    }

    /**
     * {@link #afterUsers(long[], double[], long[], double[], long[])} with the users' second
     * assistants (mechanism multiHoming): the simulated users per class and user option who use it
     * as their second, booked as the aggregate engine books its expected ones; null for none.
     */
    public void afterUsers(long[] usersByClassOption, double[] tokensByClassOption, long[] awareBySegmentLab,
                           double[] lnDenominatorBySegment, long[] usersBySegment, long[] secondByClassOption) {
        double[] scale = new double[segments];
        for (int g = 0; g < segments; g++) scale[g] = usersBySegment[g] == 0 ? 0 : s.population[g] / usersBySegment[g];
        for (int g = 0; g < segments; g++) {
            for (int l = 0; l < labs; l++) {
                s.awareness[g * labs + l] = usersBySegment[g] == 0 ? 0 : (double) awareBySegmentLab[g * labs + l] / usersBySegment[g];
            }
            double beta = w.scenario.segments().get(g).priceWeightPerUsd();
            if (beta > 0) s.consumerSurplusUsd += lnDenominatorBySegment[g] / beta * scale[g];
        }
        double[] users = new double[w.options];
        double[] usageRatio = new double[w.options];
        double[] second = secondByClassOption == null ? null : new double[w.options];
        for (int c = 0; c < classes; c++) {
            int g = w.userClasses.segment[c];
            int row = c * w.options;
            double n = usersBySegment[g] * w.userClasses.weight[c];
            double rest = 0;
            for (int o = 1; o < w.options; o++) {
                long count = usersByClassOption[c * userOptions + o - 1];
                // Shares such that population x class weight x share = the users this class's agents stand for.
                s.shares[row + o] = n > 0 ? count / n : 0;
                rest += s.shares[row + o];
                double expected = count * s.offerTokens[row + o];
                users[o] = count * scale[g];
                usageRatio[o] = expected > 0 ? tokensByClassOption[c * userOptions + o - 1] / expected : 1.0;
            }
            s.shares[row] = Math.max(0, 1 - rest);
            Usage.bookClass(w, s, caps, c, users, usageRatio);
            if (second != null && secondAssistantShare[g] > 0) {
                for (int o = 1; o < w.options; o++) second[o] = secondByClassOption[c * userOptions + o - 1] * scale[g];
                MultiHoming.bookClass(w, s, c, second);
            }
        }
        for (Mechanism m : MonthlySteps.AFTER_USERS) m.apply(w, s);
    }
}
