package owsim.market;

import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;

/**
 * Claims b, d: users times their (capped) tokens, what they pay and what serving them costs the
 * provider at the serving engine's cost per token on its fleet. A subscriber loses the lab money
 * when min(T, cap) x cost > fee: the share of such subscribers is counted from the lognormal tail.
 */
public final class Usage implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        boolean caps = w.scenario.mechanisms().subscriptionCaps();
        for (int c = 0; c < w.classes; c++) {
            int g = w.classSeg[c];
            double pop = s.population[g] * w.classWeight[c];
            int row = c * w.options;
            for (int o = 1; o < w.options; o++) {
                double share = s.shares[row + o];
                if (share <= 0 || !s.offerAvailable[row + o]) continue;
                account(w, s, caps, c, o, pop * share, 1.0);
            }
        }
    }

    /**
     * Books {@code users} of class c on option o. Each user uses the offer's tokens (the class's
     * mean, capped by the plan) times {@code usageRatio}: 1 for the expected user; an engine with
     * individual users passes their own capped tokens over the offer's. Tokens and serving cost scale
     * with it, and so does the payment where it is priced per token (API, hosts, a card at home);
     * a plan's fee and a rented self-hosted deployment are paid per user whatever the use.
     */
    static void account(World w, MarketState s, boolean caps, int c, int o, double users, double usageRatio) {
        int row = c * w.options;
        int g = w.classSeg[c];
        OptionKind k = w.optKind[o];
        boolean perToken = k == OptionKind.API || k == OptionKind.HOSTED || (k == OptionKind.SELFHOST && !w.classDatacenter[c]);
        double pay = users * s.offerPay[row + o] * (perToken ? usageRatio : 1.0);
        double tok = users * s.offerTokens[row + o] * usageRatio;
        double serving = users * s.offerServing[row + o] * usageRatio;
        int i = w.optLab[o];
        switch (k) {
            case SUBSCRIPTION, FREE, API -> {
                s.revenue[i] += pay;
                s.servingCost[i] += serving;
                s.tokens[i] += tok;
                s.userPaymentsUsd += pay;
                if (k == OptionKind.SUBSCRIPTION) s.subLossUsers[i] += users * lossShare(w, s, c, o, caps);
            }
            case HOSTED -> {
                int h = w.optHost[o];
                s.hostRevenue[h] += pay;
                s.hostCost[h] += serving;
                s.userPaymentsUsd += pay;
            }
            case SELFHOST -> s.selfHostCostUsd += pay;
        }
        s.usersByKind[i * 5 + k.ordinal()] += users;
        s.segUsers[(g * w.labs + i) * 5 + k.ordinal()] += users;
        s.segTokens[g] += tok;
        s.allTokens += tok;
        if (s.offerOpen[row + o]) {
            s.openTokens += tok;
            s.segOpenTokens[g] += tok;
        }
    }

    /** Share of this class's subscribers whose serving cost exceeds the fee. */
    private static double lossShare(World w, MarketState s, int c, int o, boolean caps) {
        LabSpec l = w.scenario.labs().get(w.optLab[o]);
        double fee = l.subscription().usdPerMonth();
        double perToken = s.offerTokens[c * w.options + o] > 0
            ? s.offerServing[c * w.options + o] / s.offerTokens[c * w.options + o] : 0;
        if (perToken <= 0) return 0;
        double breakEven = fee / perToken;
        if (caps && l.subscription().monthlyTokenCap() <= breakEven) return 0;
        var seg = w.scenario.segments().get(w.classSeg[c]);
        double z = Math.log(breakEven / seg.medianTokensPerMonth()) / seg.usageSigma();
        return Lognormal.sliceTail(z, w.classZLo[c], w.classZHi[c], w.classPhiHi[c], w.classBinProbability[c]);
    }
}
