package owsim.market;

import owsim.random.Lognormal;
import owsim.scenario.OptionKind;

/**
 * Claims b, d: users times their (capped) tokens, what they pay and what serving them costs the
 * provider at the serving engine's cost per token on its fleet. A subscriber loses the lab money
 * when min(T, cap) x cost > fee: the share of such subscribers is counted from the lognormal tail.
 */
final class Usage implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        boolean caps = w.scenario.mechanisms().subscriptionCaps();
        for (int c = 0; c < w.classes; c++) bookClass(w, s, caps, c, null, null);
    }

    /**
     * Books the users of class c on each option o: {@code users[o]} (0 for none), or with null the
     * expected users, population x class weight x share. Each user uses the offer's tokens (the
     * class's mean, capped by the plan) times {@code usageRatio[o]}: 1 for the expected user (null
     * stands for all 1); an engine with individual users passes their own capped tokens over the
     * offer's. Tokens and serving cost scale with it, and so does the payment where it is priced
     * per token (API, hosts, a card at home); a plan's fee and a rented self-hosted deployment are
     * paid per user whatever the use.
     */
    static void bookClass(World w, MarketState s, boolean caps, int c, double[] users, double[] usageRatio) {
        int row = c * w.options;
        int g = w.userClasses.segment[c];
        int segRow = g * w.labs * OptionKind.COUNT;
        boolean ownCard = !w.userClasses.datacenter[c];
        double pop = s.population[g] * w.userClasses.weight[c];
        // The class's segment and the market as locals over its options, stored once: the same
        // additions in the same order as booking one option at a time, without a memory round trip each.
        double segTokens = s.segTokens[g];
        double segOpenTokens = s.segOpenTokens[g];
        double allTokens = s.allTokens;
        double openTokens = s.openTokens;
        double payments = s.userPaymentsUsd;
        double selfHost = s.selfHostCostUsd;
        for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
            int o = s.offered[row + r];
            double n = users != null ? users[o] : s.shares[row + o] > 0 ? pop * s.shares[row + o] : 0;
            if (n <= 0) continue;
            int k = w.optionTable.kindCode[o];
            double pay = n * s.offerPay[row + o];
            double tok = n * s.offerTokens[row + o];
            double serving = n * s.offerServing[row + o];
            if (usageRatio != null) {
                double ratio = usageRatio[o];
                boolean perToken = k == OptionTable.API_CODE || k == OptionTable.HOSTED_CODE || (k == OptionTable.SELFHOST_CODE && ownCard);
                if (perToken) pay *= ratio;
                tok *= ratio;
                serving *= ratio;
            }
            int i = w.optionTable.lab[o];
            if (k <= OptionTable.API_CODE) { // a lab's own option
                s.revenue[i] += pay;
                s.segRevenue[g * w.labs + i] += pay;
                s.servingCost[i] += serving;
                s.tokens[i] += tok;
                payments += pay;
                if (k == OptionTable.SUBSCRIPTION_CODE) {
                    boolean pro = s.offerPro[c * w.labs + i];
                    if (pro) { // proPlans: the class's subscribers are on the lab's pro plan
                        s.proSubscribers[i] += n;
                        s.proRevenue[i] += pay;
                    }
                    if (s.planPricingOn) { // planPricing: each plan's fees and serving cost since the lab's last decision
                        int p = 2 * i + (pro ? 1 : 0);
                        s.planPeriodRevenue[p] += pay;
                        s.planPeriodServing[p] += serving;
                    }
                    if (w.monthlyDetail) s.subLossUsers[i] += n * lossShare(w, s, c, o, caps);
                }
            } else if (k == OptionTable.HOSTED_CODE) {
                int h = w.optionTable.host[o];
                s.hostRevenue[h] += pay;
                s.hostCost[h] += serving;
                s.segHostedServing[g * w.labs + i] += serving; // by whose weights (cloudHosting)
                payments += pay;
            } else {
                selfHost += pay;
            }
            s.usersByKind[i * OptionKind.COUNT + k] += n;
            s.segUsers[segRow + i * OptionKind.COUNT + k] += n;
            segTokens += tok;
            allTokens += tok;
            if (s.offerOpen[row + o]) {
                openTokens += tok;
                segOpenTokens += tok;
            }
        }
        s.segTokens[g] = segTokens;
        s.segOpenTokens[g] = segOpenTokens;
        s.allTokens = allTokens;
        s.openTokens = openTokens;
        s.userPaymentsUsd = payments;
        s.selfHostCostUsd = selfHost;
    }

    /**
     * Share of this class's subscribers whose serving cost exceeds the fee. A class whose usage bin
     * lies wholly below or above the break-even usage is none or all of it; only the one bin
     * holding the break-even needs its logarithm and the normal CDF.
     */
    private static double lossShare(World w, MarketState s, int c, int o, boolean caps) {
        int i = w.optionTable.lab[o];
        int k = c * w.options + o;
        double perToken = s.offerTokens[k] > 0 ? s.offerServing[k] / s.offerTokens[k] : 0;
        if (perToken <= 0) return 0;
        double breakEven = ProPlans.feeUsd(w, s, c, i) / perToken; // the fee and cap of the plan the class is on (proPlans)
        if (caps && ProPlans.capTokens(w, s, c, i) <= breakEven) return 0;
        UserClasses u = w.usage(s.month); // usageGrowth: this month's usage
        if (w.userClasses.binProbability[c] <= 0 || breakEven >= u.usageHi[c]) return 0;
        if (breakEven <= u.usageLo[c]) return 1;
        var seg = w.scenario.segments().get(w.userClasses.segment[c]);
        double z = Math.log(breakEven / u.median[w.userClasses.segment[c]]) / seg.usageSigma();
        return Lognormal.sliceTail(z, w.userClasses.zLo[c], w.userClasses.zHi[c], w.userClasses.phiHi[c], w.userClasses.binProbability[c]);
    }
}
