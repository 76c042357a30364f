package owsim.market;

import java.util.Arrays;

/**
 * {@link PlanPricing}'s prediction for {@code objective: profit}: what a lab's own options earn over a
 * month, their users' payments minus their serving cost, at given fees of its plans: its plans, and
 * also its free tier (with its ads, {@link Advertising#usdPerFreeUser}) and API, which a cheaper plan
 * takes users from and a dearer one gives users to. Users are predicted with the market's own choice
 * probabilities: for each user class it offers its subscription, the probability that a user who
 * chooses (with no option held, so no switching cost) takes each of the lab's options, from the
 * class's logit weights ({@link OptionWeights}) and the expectation over the labs it may know
 * ({@link KnownLabsLogit}, the choice's own), times the class's people. Everything but the lab's
 * subscription offer is held as it stands: its rivals' offers, its own API, free tier and model, the
 * segments' awareness. The lab's subscription offer is priced at each fee as after a move
 * ({@link Offers#repriceSubscription}) and put back as it was when the lab is done ({@link #restore}),
 * so a lab whose plans do not move leaves the offers untouched. Only the classes the lab offers its
 * subscription are walked: in the others the fee moves nothing. Not counted: seats under contract,
 * a parent's value from its apps, hosts' margins (none of them depends on the plan's fee here).
 */
final class PlanProfit {
    private static final int FREE_CODE = owsim.scenario.OptionKind.FREE.ordinal();
    private final World w;
    private final MarketState s;
    private final KnownLabsLogit logit;
    private final double[] known;
    private final double[] expV;
    private final double[] lnDerivatives;
    private final LastValueCache exp;
    private final double cf;
    /** The lab's subscription offer to each class as it stood before {@link #save}: pay, tokens, serving, shortfall, pro. */
    private final double[] pay;
    private final double[] tokens;
    private final double[] serving;
    private final double[] shortfall;
    private final boolean[] pro;
    /** Evaluations made (class sweeps), for tests. */
    int evaluations;

    PlanProfit(World w, MarketState s) {
        this.w = w;
        this.s = s;
        logit = KnownLabsLogit.forLabs(w.labs, w.options);
        known = new double[w.labs];
        expV = new double[w.options];
        lnDerivatives = OptionWeights.lnDerivatives(w, s);
        exp = new LastValueCache(w.options, Math::exp);
        cf = w.costs.costFactor(s.month);
        pay = new double[w.classes];
        tokens = new double[w.classes];
        serving = new double[w.classes];
        shortfall = new double[w.classes];
        pro = new boolean[w.classes];
    }

    /** Keeps lab i's subscription offers and plan fees as they stand, to be put back by {@link #restore}. */
    void save(int i) {
        int sub = w.optionTable.base(i) + OptionTable.SUB;
        for (int c = 0; c < w.classes; c++) {
            int k = c * w.options + sub;
            pay[c] = s.offerPay[k];
            tokens[c] = s.offerTokens[k];
            serving[c] = s.offerServing[k];
            shortfall[c] = s.offerShortfallUsd[k];
            pro[c] = s.offerPro[c * w.labs + i];
        }
    }

    /** Puts back lab i's subscription offers as {@link #save} kept them. */
    void restore(int i) {
        int sub = w.optionTable.base(i) + OptionTable.SUB;
        for (int c = 0; c < w.classes; c++) {
            int k = c * w.options + sub;
            s.offerPay[k] = pay[c];
            s.offerTokens[k] = tokens[c];
            s.offerServing[k] = serving[c];
            s.offerShortfallUsd[k] = shortfall[c];
            s.offerPro[c * w.labs + i] = pro[c];
        }
    }

    /**
     * Lab i's predicted profit from its own options over a month, USD, with its base plan at
     * {@code planFee} and its pro plan at {@code proFee} (its caps as they stand): the sum over the
     * classes it offers its subscription of people x, over its plan, free tier and API, the choice
     * probability x (payment - serving cost per user, plus the free tier's ads). The lab's plan fees
     * in the state are put back; its subscription offers are left at these fees until {@link #restore}.
     */
    double profit(int i, double planFee, double proFee) {
        evaluations++;
        double keptPlan = s.planFeeUsd[i];
        double keptPro = s.proFeeUsd[i];
        s.planFeeUsd[i] = planFee;
        s.proFeeUsd[i] = proFee;
        int base = w.optionTable.base(i);
        double overage = Offers.overageUsdPerToken(w, s, i);
        double total = 0;
        int lastSeg = -1;
        double ads = 0;
        for (int c = 0; c < w.classes; c++) {
            int row = c * w.options;
            if (!s.offerAvailable[row + base + OptionTable.SUB]) continue;
            int g = w.userClasses.segment[c];
            if (g != lastSeg) {
                Choice.knownLabs(w, s, g, known);
                logit.awareness(known);
                ads = Advertising.usdPerFreeUser(w, s.month, i, g);
                lastSeg = g;
            }
            Offers.repriceSubscription(w, s, c, i, overage, cf);
            double share = shareOfWeight(c, i, base + OptionTable.SUB);
            if (share == 0) continue;
            double earned = 0;
            for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
                int o = s.offered[row + r];
                int kind = w.optionTable.kindCode[o];
                if (w.optionTable.lab[o] != i || kind > OptionTable.API_CODE) continue; // rivals' and hosts' options earn the lab nothing here
                earned += expV[o] * (s.offerPay[row + o] - s.offerServing[row + o] + (kind == FREE_CODE ? ads : 0));
            }
            total += people(g, c) * share * earned;
        }
        s.planFeeUsd[i] = keptPlan;
        s.proFeeUsd[i] = keptPro;
        return total;
    }

    /** The class's people: its segment's population times its weight. */
    private double people(int g, int c) {
        return s.population[g] * w.userClasses.weight[c];
    }

    /**
     * Lab i's choice share per unit of option weight for a user of class c who chooses this month,
     * holding nothing: an option o of the lab is taken with probability exp(V_o) times it (the logit
     * over the labs the user may know, awareness set for the class's segment); 0 when the class is
     * not offered option {@code sub}. Leaves the options' exp(V) in {@code expV}.
     */
    private double shareOfWeight(int c, int i, int sub) {
        OptionWeights.weights(w, s, c, lnDerivatives, expV, exp);
        double[] labWeight = logit.labWeight;
        Arrays.fill(labWeight, 0);
        int row = c * w.options;
        boolean listed = false;
        for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
            int o = s.offered[row + r];
            labWeight[w.optionTable.lab[o]] += expV[o];
            listed |= o == sub;
        }
        if (!listed) return 0;
        logit.clearHolders();
        logit.outsideMass = 1;
        logit.solve();
        return logit.labShare[i];
    }
}
