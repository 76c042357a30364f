package owsim.market;

import owsim.scenario.MechanismSwitch;
import owsim.scenario.MultiHomingSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.SegmentSpec;

/**
 * Mechanism {@code multiHoming} (issue 15): a user holds one option in the market, but published
 * monthly users overlap (people use ChatGPT, Gemini and Meta AI in one month). A share m of the
 * adopters of a segment with a {@code multiHoming} block also use a second assistant that month,
 * chosen by the same logit among the other labs' options it knows: a user whose first option is
 * lab i's takes option o of another lab j it knows with probability w_o / W', w the class's logit
 * weights exp(V) and W' the summed weights of the other labs it knows, without "nothing" (the
 * logit's second choice, P_j / (1 - P_i) among those who use one, for the labs it knows); a user who
 * knows no other lab has none. The second lab counts the user among its monthly users
 * ({@code monthlyUsers}, with {@code secondUsers}), serves it {@code tokenShare} of the tokens the
 * option's offer serves a user of the class, at its cost, and is paid nothing (a user pays for its
 * first option only); with {@code adImpressions}, a second use of a free tier counts in the lab's
 * ads as {@code tokenShare} of a free-tier user-month. The first option keeps its users, tokens and
 * payments, so everything the choice, awareness and accounts read of a lab's users is the one
 * before.
 *
 * <p>The aggregate engine books the expected second users of each class (here, after {@link Usage}),
 * each other lab known independently with its segment's awareness (it does not condition which
 * labs a user knows on the first lab it chose); the agent engine draws each adopter's second assistant from a stream of its own, by its own
 * awareness and its class's logit weights, and books the counts through {@link #bookClass}. Switched
 * off, or with no segment carrying a block, nothing is booked and the run's outputs are the ones
 * before, bit for bit.
 */
final class MultiHoming implements Mechanism {
    /** Whether a run of this world counts second assistants: the switch on and a segment with a block whose share is above 0. */
    static boolean on(World w) {
        if (!w.scenario.mechanisms().isOn(MechanismSwitch.MULTI_HOMING)) return false;
        for (SegmentSpec g : w.scenario.segments()) if (g.multiHoming() != null && g.multiHoming().share() > 0) return true;
        return false;
    }

    /** Each segment's share of adopters with a second assistant (0 without a block or with the mechanism off). */
    static double[] shares(World w) {
        double[] m = new double[w.segments];
        if (!on(w)) return m;
        for (int g = 0; g < w.segments; g++) {
            MultiHomingSpec spec = w.scenario.segments().get(g).multiHoming();
            m[g] = spec == null ? 0 : spec.share();
        }
        return m;
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        Scratch x = s.multiHoming;
        if (x == null) x = s.multiHoming = new Scratch(w);
        x.lastSegment = -1; // this month's awareness: no integral of last month's is reused
        OptionWeights.lnDerivatives(w, s, x.lnDerivatives);
        for (int c = 0; c < w.classes; c++) {
            int g = w.userClasses.segment[c];
            if (!(x.share[g] > 0)) continue;
            if (expectedSecondUsers(w, s, c, x.share[g], x)) bookClass(w, s, c, x.second);
        }
    }

    /**
     * Step in u = ln t of the integrals' trapezoidal rule (the rule of {@link IntegralKnownLabs}, there
     * at step 0.25): relative error about 2 |Gamma(1 - 2 pi i / STEP)|, 3e-5, far below what the
     * share's range moves (measured against the exact sum over known sets in MultiHomingTest).
     */
    static final double STEP = 0.75;
    /** The largest node times the smallest lab weight (exp(-25): 1e-11 is left out above), and the smallest node times the weight sum. */
    static final double HIGH = 25;
    static final double LOW = 1e-6;

    /** The aggregate step's scratch arrays, made at its first month and kept for the run (in {@link MarketState}). */
    static final class Scratch {
        /** Each segment's share of adopters with a second assistant. */
        final double[] share;
        final double[] lnDerivatives;
        final double[] expV;
        final LastValueCache exp;
        final double[] labWeight;
        final double[] known;
        final double[] holders;
        final double[] second;
        /** Per (first lab i, second lab j): the probability a user of lab i takes lab j per unit of j's option weight. */
        final double[] perWeight;
        final double[] lnPhi;
        final double[] ratio;
        /** The segment and lab weights {@link #perWeight} was integrated for (-1: none yet). */
        int lastSegment = -1;
        final double[] lastLabWeight;

        Scratch(World w) {
            share = shares(w);
            lnDerivatives = new double[w.labs];
            expV = new double[w.options];
            exp = new LastValueCache(w.options, Math::exp);
            labWeight = new double[w.labs];
            known = new double[w.labs];
            holders = new double[w.labs];
            second = new double[w.options];
            perWeight = new double[w.labs * w.labs];
            lnPhi = new double[w.labs];
            ratio = new double[w.labs];
            lastLabWeight = new double[w.labs];
        }
    }

    /**
     * The expected second users of class c on each option (world index), people, into
     * {@code x.second}. A user of lab i knows each other lab l independently with its segment's
     * awareness a_l and takes option o of a lab j it knows with probability w_o / W', w the logit
     * weights exp(V) and W' the summed weights of the other labs it knows (none when it knows none):
     * E[1{j known} / W'] = a_j int_0^inf exp(-t x_j) prod over l not i, j of (1 - a_l + a_l exp(-t x_l)) dt,
     * x_l lab l's summed weight, integrated by the trapezoidal rule in ln t as {@link IntegralKnownLabs}
     * does. Returns false when the class has none.
     */
    static boolean expectedSecondUsers(World w, MarketState s, int c, double m, Scratch x) {
        int row = c * w.options;
        int g = w.userClasses.segment[c];
        int labs = w.labs;
        java.util.Arrays.fill(x.labWeight, 0);
        java.util.Arrays.fill(x.holders, 0);
        java.util.Arrays.fill(x.second, 0);
        OptionWeights.weights(w, s, c, x.lnDerivatives, x.expV, x.exp);
        double people = m * s.population[g] * w.userClasses.weight[c];
        boolean anyHolder = false;
        int offered = s.offeredCount[c];
        for (int r = 0; r < offered; r++) {
            int o = s.offered[row + r];
            int l = w.optionTable.lab[o];
            if (s.offerAvailable[row + o]) x.labWeight[l] += x.expV[o];
            double p = s.shares[row + o];
            if (p > 0) {
                x.holders[l] += people * p;
                anyHolder = true;
            }
        }
        if (!anyHolder) return false;
        double lo = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int l = 0; l < labs; l++) {
            x.known[l] = x.labWeight[l] > 0 ? s.awareness(g, l) : 0;
            if (x.known[l] > 0) {
                lo = Math.min(lo, x.labWeight[l]);
                sum += x.labWeight[l];
            }
        }
        if (!(sum > 0)) return false;
        // The integrals depend on the segment's awareness and the labs' weights only: classes of one
        // segment with the same weights (usage bins priced alike) share them.
        if (g != x.lastSegment || !java.util.Arrays.equals(x.labWeight, x.lastLabWeight)) {
            integrate(x, labs, lo, sum);
            x.lastSegment = g;
            System.arraycopy(x.labWeight, 0, x.lastLabWeight, 0, labs);
        }
        boolean any = false;
        for (int r = 0; r < offered; r++) {
            int o = s.offered[row + r];
            if (!s.offerAvailable[row + o]) continue;
            int j = w.optionTable.lab[o];
            double n = 0;
            for (int i = 0; i < labs; i++) if (i != j) n += x.holders[i] * x.perWeight[i * labs + j];
            n *= x.expV[o];
            if (n > 0) {
                x.second[o] = n;
                any = true;
            }
        }
        return any;
    }

    /** Fills {@code x.perWeight} for every pair of labs from {@code x.known} and {@code x.labWeight} (lo and sum: the smallest and the summed weight of the known labs). */
    private static void integrate(Scratch x, int labs, double lo, double sum) {
        java.util.Arrays.fill(x.perWeight, 0);
        double tHigh = HIGH / lo;
        int nodes = (int) Math.ceil((Math.log(tHigh) - Math.log(LOW / sum)) / STEP) + 1;
        double[] lnPhi = x.lnPhi;
        double[] ratio = x.ratio;
        for (int k = 0; k < nodes; k++) {
            double t = tHigh * Math.exp(-k * STEP);
            double weight = STEP * t;
            double lnProduct = 0;
            for (int l = 0; l < labs; l++) {
                double a = x.known[l];
                if (!(a > 0)) {
                    lnPhi[l] = 0;
                    ratio[l] = 0;
                    continue;
                }
                double tx = t * x.labWeight[l];
                if (a >= 1) {
                    lnPhi[l] = -tx;
                    ratio[l] = 1;
                } else {
                    double q = Math.exp(-tx);
                    double phi = (1 - a) + a * q;
                    lnPhi[l] = Math.log(phi);
                    ratio[l] = a * q / phi; // lab l known, tilted by t: a_l exp(-t x_l) / phi_l
                }
                lnProduct += lnPhi[l];
            }
            // Lab j's term for a user of lab i: a_j exp(-t x_j) prod over l not i, j of phi_l = exp(lnProduct - lnPhi_i) ratio_j.
            for (int i = 0; i < labs; i++) {
                double others = weight * Math.exp(lnProduct - lnPhi[i]);
                for (int j = 0; j < labs; j++) if (j != i) x.perWeight[i * labs + j] += others * ratio[j];
            }
        }
    }

    /**
     * Books class c's second users on each option (world index; 0 for none): the option's lab
     * counts them, serves them the token share of the offer's tokens at the offer's cost per token
     * (a host of open weights serves them at its cost; on one's own hardware they cost nothing
     * more), and is paid nothing; the tokens count in the segment's and the market's.
     */
    static void bookClass(World w, MarketState s, int c, double[] second) {
        int g = w.userClasses.segment[c];
        MultiHomingSpec spec = w.scenario.segments().get(g).multiHoming();
        double f = spec.tokenShare();
        boolean ads = spec.adImpressions();
        int row = c * w.options;
        for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
            int o = s.offered[row + r];
            double n = second[o];
            if (!(n > 0)) continue;
            int j = w.optionTable.lab[o];
            int k = w.optionTable.kindCode[o];
            s.secondUsers[j] += n;
            s.secondSegUsers[g * w.labs + j] += n;
            double tok = f * n * s.offerTokens[row + o];
            double serving = f * n * s.offerServing[row + o];
            if (k <= OptionTable.API_CODE) { // a lab's own option
                s.tokens[j] += tok;
                s.servingCost[j] += serving;
                if (ads && k == OptionKind.FREE.ordinal()) s.secondAdUserMonths[g * w.labs + j] += f * n;
            } else if (k == OptionTable.HOSTED_CODE) {
                s.hostCost[w.optionTable.host[o]] += serving;
            }
            s.segTokens[g] += tok;
            s.allTokens += tok;
            if (s.offerOpen[row + o]) {
                s.openTokens += tok;
                s.segOpenTokens[g] += tok;
            }
        }
    }
}
